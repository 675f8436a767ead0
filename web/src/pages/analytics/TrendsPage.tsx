import { TrendsComing } from './ComingPage';

export default TrendsComing;
