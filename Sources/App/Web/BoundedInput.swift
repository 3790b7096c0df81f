import DudaoCore
import Vapor

/// A number from a query, a form or JSON that must be in `B.range`. Empty or absent is nil; anything
/// else outside the range (Int.max, −1, 10^30, "abc") is refused with a Chinese 400, before any
/// arithmetic can trap on it.
@propertyWrapper
struct Bounded<B: IntBounds>: Codable, Sendable, Equatable {
    var wrappedValue: Int?

    init(wrappedValue: Int?) { self.wrappedValue = wrappedValue }

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            wrappedValue = nil
        } else if let n = try? c.decode(Int.self) {
            wrappedValue = try InputBounds.check(n, B.self).mapError(BadInput.init).get()
        } else if let text = try? c.decode(String.self) {
            wrappedValue = try InputBounds.parse(text, B.self).mapError(BadInput.init).get()
        } else {
            throw BadInput(message: "\(B.name)应为整数")
        }
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(wrappedValue)
    }
}

extension KeyedDecodingContainer {
    /// An absent key is nil, as for an optional.
    func decode<B>(_ type: Bounded<B>.Type, forKey key: Key) throws -> Bounded<B> {
        try decodeIfPresent(type, forKey: key) ?? Bounded(wrappedValue: nil)
    }
}

typealias PageNumber = Bounded<InputBounds.Page>
typealias RecordID = Bounded<InputBounds.ID>

/// A 400 with a message the user can act on.
struct BadInput: AbortError {
    let message: String
    init(message: String) { self.message = message }
    init(_ error: BoundsError) { message = error.message }
    var status: HTTPResponseStatus { .badRequest }
    var reason: String { message }
}

extension URLQueryContainer {
    /// One bounded number of the query string.
    func bounded<B: IntBounds>(_ key: String, _ bounds: B.Type) throws -> Int? {
        guard let text = self[String.self, at: key] else { return nil }
        return try InputBounds.parse(text, bounds).mapError(BadInput.init).get()
    }

    /// `page` of the query string, 1…100 000.
    func page() throws -> Int? { try bounded("page", InputBounds.Page.self) }

    /// A short text of the query string (a code, a key); empty reads as absent, longer than `max` is refused.
    func boundedText(_ key: String, max: Int) throws -> String? {
        guard let text = self[String.self, at: key], !text.isEmpty else { return nil }
        guard text.count <= max else { throw BadInput(message: "参数 \(key) 过长") }
        return text
    }
}

extension Parameters {
    /// A record id from the path; an id that cannot exist is simply not found.
    func id(_ name: String = "id") throws -> Int {
        guard let text = get(name), let n = Int(text), InputBounds.ID.range.contains(n) else {
            throw Abort(.notFound, reason: "未找到该记录")
        }
        return n
    }
}
