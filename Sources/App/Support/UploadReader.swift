import DudaoCore
import Foundation
import Vapor

/// What one upload form may send.
struct UploadLimits: Sendable {
    var maxFiles: Int
    var maxFileBytes: Int
    /// All text fields together.
    var maxFieldBytes: Int = 256 * 1024

    /// The whole body: every file at its largest, the fields and the multipart overhead.
    var maxBodyBytes: Int { maxFiles * maxFileBytes + maxFieldBytes + 64 * 1024 }

    var maxFileMB: Int { max(1, maxFileBytes >> 20) }
}

/// A file of an upload, streamed to a temporary file as it arrived.
struct UploadedFile: Sendable {
    let field: String
    let filename: String
    let path: String
    let size: Int
    let hash: String
    /// The first bytes, for recognising the kind of file by content.
    let head: Data

    var data: Data { get throws { try Data(contentsOf: URL(fileURLWithPath: path)) } }
}

/// A multipart form read part by part: text fields in memory (bounded), files on disk (bounded),
/// the CSRF token checked before any file is written. Nothing is kept unless the handler keeps it:
/// `discard()` removes every temporary file; `keep` moves one into the attachment store.
final class UploadedForm: @unchecked Sendable {
    private(set) var fields: [(String, String)] = []
    private(set) var files: [UploadedFile] = []
    /// Files refused while reading (too many, too large), as messages for the form.
    private(set) var errors: [FieldError] = []

    fileprivate func add(field name: String, _ value: String) { fields.append((name, value)) }
    fileprivate func add(file: UploadedFile) { files.append(file) }
    fileprivate func refuse(_ field: String, _ message: String) { errors.append(.init(field, message)) }

    func value(_ name: String) -> String? { fields.last { $0.0 == name }?.1 }

    /// The text fields decoded like a URL-encoded form into `T`.
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let encoded = fields.filter { $0.0 != CSRFMiddleware.field }.map {
            (UploadReader.escape($0.0)) + "=" + UploadReader.escape($0.1)
        }.joined(separator: "&")
        return try URLEncodedFormDecoder().decode(T.self, from: encoded)
    }

    func files(named name: String) -> [UploadedFile] { files.filter { $0.field == name } }

    func discard() {
        for f in files { try? FileManager.default.removeItem(atPath: f.path) }
        files = []
    }

    deinit { discard() }
}

enum UploadReader {
    static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
    static func escape(_ s: String) -> String { s.addingPercentEncoding(withAllowedCharacters: unreserved) ?? "" }

    /// Reads a `multipart/form-data` body of a streamed route. Call it after the permission check.
    static func read(_ req: Request, limits: UploadLimits) async throws -> UploadedForm {
        guard let type = req.headers.contentType, type.type == "multipart", type.subType == "form-data",
            let boundary = type.parameters["boundary"], (1...70).contains(boundary.count)
        else { throw Abort(.badRequest, reason: "请通过页面上的表单提交") }
        let dir = req.application.config.dataDir + "/tmp"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let form = UploadedForm()
        let state = PartState(form: form, limits: limits, dir: dir, csrfOK: { CSRFMiddleware.accepts($0, for: req) })
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in state.header(name, value) }
        parser.onBody = { buffer in state.body(&buffer) }
        parser.onPartComplete = { state.complete() }
        var total = 0
        do {
            for try await chunk in req.body {
                total += chunk.readableBytes
                if total > limits.maxBodyBytes {
                    throw Abort(.payloadTooLarge, reason: RouteLimits.tooLargeMessage(limits.maxBodyBytes))
                }
                try parser.execute(chunk)
                if let failure = state.failure { throw failure }
            }
        } catch {
            state.abandon()
            form.discard()
            if error is AbortError { throw error }
            throw Abort(.badRequest, reason: "上传的内容不完整或格式不正确，请重新提交")
        }
        guard state.csrfSeen else {
            form.discard()
            throw Abort(.forbidden, reason: CSRFMiddleware.refusal)
        }
        return form
    }

    /// Reads a raw body (the API's photo upload) to a temporary file, at most `maxBytes`.
    static func readRaw(_ req: Request, maxBytes: Int) async throws -> UploadedForm {
        let dir = req.application.config.dataDir + "/tmp"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let form = UploadedForm()
        let state = PartState(
            form: form, limits: UploadLimits(maxFiles: 1, maxFileBytes: maxBytes), dir: dir, csrfOK: { _ in true })
        state.startRawFile()
        var total = 0
        for try await var chunk in req.body {
            total += chunk.readableBytes
            if total > maxBytes {
                state.abandon()
                throw Abort(.payloadTooLarge, reason: RouteLimits.tooLargeMessage(maxBytes))
            }
            state.body(&chunk)
        }
        state.complete()
        if let failure = state.failure { throw failure }
        return form
    }
}

/// The parser's callbacks: one part at a time.
private final class PartState: @unchecked Sendable {
    let form: UploadedForm
    let limits: UploadLimits
    let dir: String
    let csrfOK: (String) -> Bool
    var failure: (any Error)?
    var csrfSeen = false

    private var headers: [(String, String)] = []
    private var name = ""
    private var filename: String?
    private var text = Data()
    private var fieldBytes = 0
    private var handle: FileHandle?
    private var path = ""
    private var size = 0
    private var head = Data()
    private var hasher = SHA256()
    private var skipping = false

    init(form: UploadedForm, limits: UploadLimits, dir: String, csrfOK: @escaping (String) -> Bool) {
        self.form = form
        self.limits = limits
        self.dir = dir
        self.csrfOK = csrfOK
    }

    func header(_ name: String, _ value: String) {
        headers.append((name.lowercased(), value))
        guard name.lowercased() == "content-disposition" else { return }
        let params = Self.parameters(value)
        self.name = String((params["name"] ?? "").prefix(100))
        filename = params["filename"].map { String($0.prefix(200)) }
    }

    func body(_ buffer: inout ByteBuffer) {
        guard failure == nil, !skipping else { return }
        if let filename {
            if filename.isEmpty { return }  // an empty file input
            if handle == nil { startFile() }
            guard handle != nil else { return }
            size += buffer.readableBytes
            if size > limits.maxFileBytes {
                form.refuse(name, "“\(filename)”超过\(limits.maxFileMB)MB")
                dropFile()
                skipping = true
                return
            }
            let bytes = buffer.readableBytesView
            if head.count < 16 { head.append(contentsOf: bytes.prefix(16 - head.count)) }
            bytes.withContiguousStorageIfAvailable { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
                ?? hasher.update(data: Data(bytes))
            handle?.write(Data(bytes))
        } else {
            fieldBytes += buffer.readableBytes
            if fieldBytes > limits.maxFieldBytes {
                failure = Abort(.payloadTooLarge, reason: "填写的内容过长，请删减后重试")
                return
            }
            text.append(contentsOf: buffer.readableBytesView)
        }
    }

    func startRawFile() {
        name = "file"
        filename = "upload"
        startFile()
    }

    private func startFile() {
        // The token must come first (it is the first field of every form), so nothing is written to
        // disk for a forged request.
        guard csrfSeen || filename == "upload" else {
            failure = Abort(.forbidden, reason: CSRFMiddleware.refusal)
            return
        }
        guard form.files.count < limits.maxFiles else {
            form.refuse(name, "最多上传\(limits.maxFiles)个文件")
            skipping = true
            return
        }
        path = dir + "/" + UUID().uuidString
        guard FileManager.default.createFile(atPath: path, contents: nil), let h = FileHandle(forWritingAtPath: path)
        else {
            failure = Abort(.internalServerError, reason: "服务器暂时无法保存上传的文件，请稍后再试")
            return
        }
        handle = h
        size = 0
        head = Data()
        hasher = SHA256()
    }

    private func dropFile() {
        try? handle?.close()
        handle = nil
        if !path.isEmpty { try? FileManager.default.removeItem(atPath: path) }
        path = ""
    }

    func complete() {
        defer {
            headers = []
            name = ""
            filename = nil
            text = Data()
            skipping = false
        }
        guard failure == nil else { return }
        if let filename, !filename.isEmpty {
            guard let h = handle else { return }
            try? h.close()
            handle = nil
            let hash = DigitText.hex(hasher.finalize())
            form.add(
                file: UploadedFile(field: name, filename: filename, path: path, size: size, hash: hash, head: head))
            path = ""
        } else if filename == nil {
            let value = String(decoding: text, as: UTF8.self)
            if text.contains(0) {
                failure = BadInput(message: "提交的内容中含有无效字符")
                return
            }
            if name == CSRFMiddleware.field {
                guard csrfOK(value) else {
                    failure = Abort(.forbidden, reason: CSRFMiddleware.refusal)
                    return
                }
                csrfSeen = true
            }
            form.add(field: name, value)
        }
    }

    func abandon() { dropFile() }

    /// `form-data; name="files[]"; filename="报告.pdf"` → ["name": "files[]", "filename": "报告.pdf"].
    static func parameters(_ value: String) -> [String: String] {
        var out: [String: String] = [:]
        for piece in value.split(separator: ";").dropFirst() {
            let kv = piece.split(separator: "=", maxSplits: 1)
            guard kv.count == 2 else { continue }
            var v = kv[1].trimmingCharacters(in: .whitespaces)
            if v.hasPrefix("\""), v.hasSuffix("\""), v.count >= 2 { v = String(v.dropFirst().dropLast()) }
            out[kv[0].trimmingCharacters(in: .whitespaces).lowercased()] = v
        }
        return out
    }
}

extension AttachmentStore {
    /// Keeps an uploaded file (moved, not copied) and returns its hash.
    func keep(_ file: UploadedFile) async throws -> String {
        try await put(fileAt: file.path, hash: file.hash)
        return file.hash
    }
}
