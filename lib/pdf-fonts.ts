/**
 * Bundling commands that give PDFKit its standard fonts beside a Lambda bundle. PDFKit's Node
 * build loads each font's metrics with `createRequire(import.meta.url)('#standard-fonts/…')`, a
 * subpath import of its own package.json that esbuild cannot see through; in a bundle that
 * require resolves from the bundle's folder, so the metrics files are copied into
 * `standard-fonts/` and a package.json there maps the same subpath to them (checked by bundling
 * the renderer and drawing a PDF from the bundle, see README "Reports"). Only the background
 * worker renders reports.
 */
export function copyPdfFonts(inputDir: string, outputDir: string): string[] {
  return [
    `mkdir -p "${outputDir}/standard-fonts"`,
    `cp -R "${inputDir}/node_modules/pdfkit/js/standard-fonts/." "${outputDir}/standard-fonts/"`,
    `printf '%s' '{"private":true,"imports":{"#standard-fonts/*":"./standard-fonts/*.cjs"}}' > "${outputDir}/package.json"`,
  ];
}
