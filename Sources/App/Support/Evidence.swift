import DudaoCore
import Foundation

/// Uploaded evidence (images and PDFs) of a complaint or a rectification report, recognised by its
/// content, kept in the attachment store only when the whole submission is valid.
struct EvidenceUpload {
    var accepted: [(file: UploadedFile, type: String)] = []
    var errors: [FieldError] = []

    /// Checks the files of an upload form's `field` (the reader already refused too many or too large).
    static func check(_ form: UploadedForm, field: String) -> EvidenceUpload {
        var out = EvidenceUpload()
        out.errors = form.errors.map { FieldError("files", $0.message) }
        for f in form.files(named: field) {
            guard let type = EvidenceKind.sniff(f.head) else {
                out.errors.append(.init("files", "“\(f.filename)”不是图片或 PDF 文件（仅支持 JPG、PNG、WebP 和 PDF）"))
                continue
            }
            out.accepted.append((f, type))
        }
        return out
    }

    func store(in store: any AttachmentStore) throws -> [StoredFile] {
        try accepted.map {
            StoredFile(
                hash: try store.keep($0.file), name: String($0.file.filename.prefix(100)), type: $0.type,
                size: $0.file.size)
        }
    }
}

/// Recognises evidence files by their first bytes.
enum EvidenceKind {
    static func sniff(_ d: Data) -> String? {
        if let image = ImageKind(sniffing: d) { return image.rawValue }
        if d.starts(with: Array("%PDF-".utf8)) { return "application/pdf" }
        return nil
    }
}
