/** The pictures of each easy-read version, normalised by sharp (as squares on white) exactly as its PDF embeds them. */
import { easyReadPicturePaths, servePicture } from '../../../../../../site/picture-routes.ts';

export const getStaticPaths = () => easyReadPicturePaths('inspection');
export const GET = servePicture;
