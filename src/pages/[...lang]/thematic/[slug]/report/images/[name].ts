/** The pictures of each public thematic report's full report, normalised by sharp exactly as its PDF embeds them. */
import { thematicReportPicturePaths, servePicture } from '../../../../../../site/picture-routes.ts';

export const getStaticPaths = thematicReportPicturePaths;
export const GET = servePicture;
