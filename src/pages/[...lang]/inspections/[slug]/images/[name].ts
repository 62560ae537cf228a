/** The pictures of each public report, normalised by sharp exactly as the PDF embeds them. */
import { reportPicturePaths, servePicture } from '../../../../../site/picture-routes.ts';

export const getStaticPaths = reportPicturePaths;
export const GET = servePicture;
