import DudaoCore
import Foundation
import Spreadsheet

/// Uploaded evidence of a complaint, a rectification report or a 申辩 — images, PDFs, Word and Excel files (new and
/// old formats) and ZIP archives of these — recognised by content, not by name alone, and kept in the attachment
/// store only when the whole submission is valid.
struct EvidenceUpload {
    var accepted: [(file: UploadedFile, type: String)] = []
    var errors: [FieldError] = []

    /// Checks the files of an upload form's `field` (the reader already refused too many or too large).
    static func check(_ form: UploadedForm, field: String) -> EvidenceUpload {
        var out = EvidenceUpload()
        out.errors = form.errors.map { FieldError("files", $0.message) }
        for f in form.files(named: field) {
            guard let type = EvidenceKind.recognise(f) else {
                out.errors.append(.init("files", "“\(f.filename)”不是可接受的文件（\(EvidenceKind.accepted)）"))
                continue
            }
            out.accepted.append((f, type))
        }
        return out
    }

    func store(in store: any AttachmentStore) async throws -> [StoredFile] {
        var stored: [StoredFile] = []
        for a in accepted {
            stored.append(
                StoredFile(
                    hash: try await store.keep(a.file), name: String(a.file.filename.prefix(100)), type: a.type,
                    size: a.file.size))
        }
        return stored
    }
}

/// Recognises evidence files by their content: images and PDFs by their first bytes; Word and Excel by the
/// container their format uses (an OLE compound file for .doc/.xls, a ZIP with the document's main part for
/// .docx/.xlsx); a ZIP only when every file in it is one of the accepted kinds. A renamed program is none of these.
enum EvidenceKind {
    static let accepted = "仅支持 JPG、PNG、WebP 照片，PDF，Word（.doc/.docx），Excel（.xls/.xlsx），或只含这些文件的 ZIP 压缩包"
    /// For the file inputs' `accept`.
    static let acceptAttribute = "image/*,.pdf,.doc,.docx,.xls,.xlsx,.zip"

    static let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
    static let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
    static let types: [String: String] = [
        "doc": "application/msword", "xls": "application/vnd.ms-excel",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "zip": "application/zip",
    ]
    /// What may be inside an accepted ZIP, by extension (no archives within archives).
    static let insideZip: Set<String> = ["jpg", "jpeg", "png", "webp", "pdf", "doc", "docx", "xls", "xlsx", "txt"]

    static func recognise(_ f: UploadedFile) -> String? {
        if let image = ImageKind(sniffing: f.head) { return image.rawValue }
        if f.head.starts(with: Array("%PDF-".utf8)) { return "application/pdf" }
        let ext = (f.filename as NSString).pathExtension.lowercased()
        if f.head.starts(with: ole), ext == "doc" || ext == "xls" { return types[ext] }
        guard f.head.starts(with: zip), ["docx", "xlsx", "zip"].contains(ext), let data = try? f.data,
            let names = try? ZipListing.names(data)
        else { return nil }
        switch ext {
        case "docx": return names.contains("word/document.xml") ? types[ext] : nil
        case "xlsx": return names.contains("xl/workbook.xml") ? types[ext] : nil
        default:
            let files = names.filter { !$0.hasPrefix("__macosx/") }
            let ok =
                !files.isEmpty
                && files.allSatisfy { insideZip.contains(($0 as NSString).pathExtension.lowercased()) }
            return ok ? types["zip"] : nil
        }
    }
}
