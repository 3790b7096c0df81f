import DudaoZlib
import Foundation

/// Writes a ZIP archive front to back, so that a file of any length can be sent while it is being made.
///
/// Each entry is deflated as its bytes arrive; its CRC and sizes follow it in a data descriptor
/// (general-purpose flag bit 3), and the central directory is written by `finish()`. Names are UTF-8
/// (flag bit 11). The archive is plain ZIP (no ZIP64): an entry must stay under 4 GiB unpacked and the
/// whole archive under 4 GiB, which `XLSXStream` ensures by starting a new sheet well before that.
struct ZipStream {
    private struct Entry {
        var name: [UInt8]
        var offset: UInt32
        var crc: UInt32 = 0
        var packed: UInt32 = 0
        var unpacked: UInt32 = 0
    }

    private var entries: [Entry] = []
    private var offset: UInt64 = 0
    private var open: Entry?
    private var deflater: Deflater?
    /// Bytes ready to send.
    private var output: [UInt8] = []

    /// Unpacked bytes of the open entry so far.
    var openEntrySize: UInt64 { UInt64(open?.unpacked ?? 0) }

    /// A fixed modification time (2020-01-01 00:00) keeps the output byte-for-byte reproducible.
    private static let dosTime: UInt16 = 0
    private static let dosDate: UInt16 = (40 << 9) | (1 << 5) | 1
    private static let flags: UInt16 = 0x0808
    static let sizeLimit: UInt64 = 0xFFFF_FFFF

    /// Adds a whole small file.
    mutating func add(_ name: String, _ data: [UInt8]) throws {
        try start(name)
        try write(data)
        try end()
    }

    mutating func start(_ name: String) throws {
        precondition(open == nil, "ZipStream: an entry is already open")
        guard offset < Self.sizeLimit else { throw SpreadsheetError.writeFailed }
        let entry = Entry(name: Array(name.utf8), offset: UInt32(offset))
        var header: [UInt8] = []
        header.le32(0x0403_4B50)
        header.le16(20)
        header.le16(Self.flags)
        header.le16(8)
        header.le16(Self.dosTime)
        header.le16(Self.dosDate)
        header.le32(0)
        header.le32(0)
        header.le32(0)
        header.le16(UInt16(entry.name.count))
        header.le16(0)
        header += entry.name
        emit(header)
        open = entry
        deflater = try Deflater()
    }

    /// Deflates more bytes of the open entry.
    mutating func write(_ bytes: [UInt8]) throws {
        guard var entry = open, let deflater else { preconditionFailure("ZipStream: no open entry") }
        let unpacked = UInt64(entry.unpacked) + UInt64(bytes.count)
        guard unpacked < Self.sizeLimit else { throw SpreadsheetError.writeFailed }
        entry.unpacked = UInt32(unpacked)
        entry.crc = bytes.withUnsafeBufferPointer { buffer in
            UInt32(crc32(uLong(entry.crc), buffer.baseAddress, uInt(buffer.count)))
        }
        open = entry
        emit(try deflater.deflate(bytes, finish: false))
    }

    /// Closes the open entry with its data descriptor.
    mutating func end() throws {
        guard var entry = open, let deflater else { preconditionFailure("ZipStream: no open entry") }
        emit(try deflater.deflate([], finish: true))
        let packed = offset - UInt64(entry.offset) - 30 - UInt64(entry.name.count)
        guard packed < Self.sizeLimit else { throw SpreadsheetError.writeFailed }
        entry.packed = UInt32(packed)
        var descriptor: [UInt8] = []
        descriptor.le32(0x0807_4B50)
        descriptor.le32(entry.crc)
        descriptor.le32(entry.packed)
        descriptor.le32(entry.unpacked)
        emit(descriptor)
        entries.append(entry)
        open = nil
        self.deflater = nil
    }

    /// Writes the central directory; the archive is complete.
    mutating func finish() throws {
        precondition(open == nil, "ZipStream: an entry is still open")
        let start = offset
        guard start < Self.sizeLimit else { throw SpreadsheetError.writeFailed }
        var directory: [UInt8] = []
        for entry in entries {
            directory.le32(0x0201_4B50)
            directory.le16(20)
            directory.le16(20)
            directory.le16(Self.flags)
            directory.le16(8)
            directory.le16(Self.dosTime)
            directory.le16(Self.dosDate)
            directory.le32(entry.crc)
            directory.le32(entry.packed)
            directory.le32(entry.unpacked)
            directory.le16(UInt16(entry.name.count))
            directory.le16(0)
            directory.le16(0)
            directory.le16(0)
            directory.le16(0)
            directory.le32(0)
            directory.le32(entry.offset)
            directory += entry.name
        }
        var end: [UInt8] = []
        end.le32(0x0605_4B50)
        end.le16(0)
        end.le16(0)
        end.le16(UInt16(entries.count))
        end.le16(UInt16(entries.count))
        end.le32(UInt32(directory.count))
        end.le32(UInt32(start))
        end.le16(0)
        emit(directory + end)
    }

    /// The bytes written since the last call.
    mutating func take() -> [UInt8] {
        defer { output.removeAll(keepingCapacity: true) }
        return output
    }

    private mutating func emit(_ bytes: [UInt8]) {
        output += bytes
        offset += UInt64(bytes.count)
    }
}

/// A raw deflate stream (no zlib header, as ZIP wants) over zlib.
final class Deflater {
    // zlib keeps a pointer back to its z_stream, so the stream must not move: it lives on the heap.
    private let stream: UnsafeMutablePointer<z_stream>
    private var buffer = [UInt8](repeating: 0, count: 64 * 1024)

    init() throws {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let status = deflateInit2_(
            stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
            Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            stream.deallocate()
            throw SpreadsheetError.writeFailed
        }
    }

    deinit {
        deflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// The deflated bytes of `input` that zlib has ready; with `finish`, the end of the stream.
    func deflate(_ input: [UInt8], finish: Bool) throws -> [UInt8] {
        var out: [UInt8] = []
        var input = input
        let flush = finish ? Z_FINISH : Z_NO_FLUSH
        try input.withUnsafeMutableBufferPointer { source in
            stream.pointee.next_in = source.baseAddress
            stream.pointee.avail_in = uInt(source.count)
            try buffer.withUnsafeMutableBufferPointer { target in
                repeat {
                    stream.pointee.next_out = target.baseAddress
                    stream.pointee.avail_out = uInt(target.count)
                    let status = DudaoZlib.deflate(stream, flush)
                    guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                        throw SpreadsheetError.writeFailed
                    }
                    out.append(contentsOf: target[0..<(target.count - Int(stream.pointee.avail_out))])
                } while stream.pointee.avail_out == 0
            }
            stream.pointee.next_in = nil
        }
        return out
    }
}

extension [UInt8] {
    fileprivate mutating func le16(_ value: UInt16) {
        append(UInt8(value & 0xFF))
        append(UInt8(value >> 8))
    }

    fileprivate mutating func le32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { append(UInt8((value >> UInt32(shift)) & 0xFF)) }
    }
}
