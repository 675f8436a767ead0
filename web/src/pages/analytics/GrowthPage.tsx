import { GrowthComing } from './ComingPage';

export default GrowthComing;
