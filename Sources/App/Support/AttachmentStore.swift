import DudaoCore
import Fluent
import Foundation
import Vapor

/// Files (photos, evidence) stored by the SHA-256 of their content, never changed once stored. Local disk by
/// default; in the database (`DUDAO_ATTACHMENTS=database`) when several instances must see the same files.
protocol AttachmentStore: Sendable {
    func put(_ data: Data) async throws -> String
    /// Moves a file whose SHA-256 is `hash` into the store (an upload streamed to disk).
    func put(fileAt path: String, hash: String) async throws
    func get(_ hash: String) async throws -> Data?
    /// The store as seen from inside a transaction on `db`: files kept in the database go in with the transaction.
    func within(_ db: any Database) -> any AttachmentStore
}

extension AttachmentStore {
    func within(_ db: any Database) -> any AttachmentStore { self }
}

/// A content hash as the stores name files: 64 hexadecimal digits, nothing else.
enum ContentHash {
    static func of(_ data: Data) -> String { DigitText.hex(SHA256.hash(data: data)) }

    static func isValid(_ hash: String) -> Bool { hash.count == 64 && hash.allSatisfy { $0.isHexDigit } }
}

struct DiskAttachmentStore: AttachmentStore {
    let root: String

    func put(_ data: Data) async throws -> String {
        let hash = ContentHash.of(data)
        let dir = root + "/" + hash.prefix(2)
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let path = dir + "/" + hash
        if !FileManager.default.fileExists(atPath: path) {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        }
        return hash
    }

    func put(fileAt path: String, hash: String) async throws {
        guard ContentHash.isValid(hash) else { throw Abort(.internalServerError) }
        let dir = root + "/" + hash.prefix(2)
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let target = dir + "/" + hash
        if FileManager.default.fileExists(atPath: target) {
            try? FileManager.default.removeItem(atPath: path)
        } else {
            try FileManager.default.moveItem(atPath: path, toPath: target)
        }
    }

    func get(_ hash: String) async throws -> Data? {
        guard ContentHash.isValid(hash) else { return nil }
        return FileManager.default.contents(atPath: root + "/" + hash.prefix(2) + "/" + hash)
    }
}

/// The kinds of image accepted as photos, recognised by their first bytes (not the file name).
enum ImageKind: String {
    case jpeg = "image/jpeg"
    case png = "image/png"
    case webp = "image/webp"

    init?(sniffing d: Data) {
        let b = [UInt8](d.prefix(12))
        if b.count >= 3, b[0] == 0xFF, b[1] == 0xD8, b[2] == 0xFF {
            self = .jpeg
            return
        }
        if b.count >= 8, b[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] {
            self = .png
            return
        }
        if b.count >= 12, b[0..<4] == [0x52, 0x49, 0x46, 0x46], b[8..<12] == [0x57, 0x45, 0x42, 0x50] {
            self = .webp
            return
        }
        return nil
    }
}

extension AttachmentStore {
    /// A stored evidence file as a download: its recorded type (checked by content when uploaded), never sniffed by
    /// the browser, its name encoded for the header; images and PDFs open in the browser, other files are saved.
    func response(for f: StoredFile) async throws -> Response {
        guard let data = try await get(f.hash) else { throw Abort(.notFound, reason: "文件不存在") }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: f.type)
        headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        let encoded = f.name.addingPercentEncoding(withAllowedCharacters: UploadReader.unreserved) ?? "file"
        let opens = f.type.hasPrefix("image/") || f.type == "application/pdf"
        headers.replaceOrAdd(
            name: .contentDisposition, value: "\(opens ? "inline" : "attachment"); filename*=UTF-8''\(encoded)")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}
