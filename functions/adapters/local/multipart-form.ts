import busboy from 'busboy';

export interface ParsedForm {
  /** Form fields that came before the file, names lower-cased (S3 ignores the rest). */
  fields: Record<string, string>;
  file?: { content: Buffer; fileName?: string };
}

const LIMITS = { files: 1, fields: 50, parts: 60, fieldSize: 64 * 1024 };

/** Parses a buffered multipart/form-data body the way an S3 POST upload is read. */
export function parseMultipartForm(
  headers: Record<string, string | string[] | undefined>,
  body: Buffer,
): Promise<ParsedForm> {
  return new Promise((resolve, reject) => {
    const contentType = headers['content-type'] ?? headers['Content-Type'];
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: { 'content-type': Array.isArray(contentType) ? contentType[0] : contentType },
        limits: LIMITS,
      });
    } catch (error) {
      reject(error);
      return;
    }
    const form: ParsedForm = { fields: {} };
    let fileSeen = false;
    const chunks: Buffer[] = [];
    parser.on('field', (name, value) => {
      const field = name.toLowerCase();
      if (field === 'file' && !fileSeen) {
        fileSeen = true;
        form.file = { content: Buffer.from(value, 'utf8') };
      } else if (!fileSeen) {
        form.fields[field] = value;
      }
    });
    parser.on('file', (name, stream, info) => {
      if (name.toLowerCase() !== 'file' || fileSeen) {
        stream.resume();
        return;
      }
      fileSeen = true;
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        form.file = { content: Buffer.concat(chunks), ...(info.filename ? { fileName: info.filename } : {}) };
      });
    });
    parser.on('error', reject);
    parser.on('close', () => resolve(form));
    parser.end(body);
  });
}
