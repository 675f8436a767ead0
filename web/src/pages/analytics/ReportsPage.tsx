import { ReportsComing } from './ComingPage';

export default ReportsComing;
