import { AudienceComing } from './ComingPage';

export default AudienceComing;
