import Foundation
import Vapor

/// The API's one contract is `OpenAPIDocument`: its paths, methods, security and query parameters are the route
/// table. Each operation is bound to a handler by its `operationId`; registering fails when the document names an
/// operation without a handler or a handler has no operation, so the document and the server cannot drift apart.
/// The query checks (`APIQueryMiddleware`) read their parameter names and types from the same document.
struct APIRouteTable {
    struct Operation: Equatable {
        let method: HTTPMethod
        /// As written in the document: `/api/v1/visits/{id}`.
        let path: String
        let id: String
        /// `"security": []` in the document: answered without a token.
        let isPublic: Bool
        /// Query parameters, each with whether its schema is an integer.
        let query: [String: Bool]

        var pathComponents: [PathComponent] {
            path.split(separator: "/").map { part in
                part.hasPrefix("{") && part.hasSuffix("}")
                    ? .parameter(String(part.dropFirst().dropLast())) : .constant(String(part))
            }
        }
    }

    struct Handler: Sendable {
        let respond: @Sendable (Request) async throws -> Response
        /// A streamed body of at most this many bytes (photos), instead of a collected one.
        var streamedLimit: Int?

        init<R: AsyncResponseEncodable>(
            streamedLimit: Int? = nil, _ handler: @escaping @Sendable (Request) async throws -> R
        ) {
            self.streamedLimit = streamedLimit
            respond = { req in try await handler(req).encodeResponse(for: req) }
        }
    }

    struct Mismatch: Error, CustomStringConvertible {
        let description: String
    }

    let operations: [Operation]

    /// The table of `OpenAPIDocument.json`, read once.
    static let document: APIRouteTable = {
        do {
            return try APIRouteTable(json: Data(OpenAPIDocument.json.utf8))
        } catch {
            fatalError("OpenAPIDocument.json: \(error)")
        }
    }()

    init(json: Data) throws {
        guard let doc = try JSONSerialization.jsonObject(with: json) as? [String: Any],
            let paths = doc["paths"] as? [String: [String: Any]]
        else { throw Mismatch(description: "no paths") }
        let components = doc["components"] as? [String: Any] ?? [:]
        var operations: [Operation] = []
        for (path, methods) in paths {
            for (method, value) in methods {
                guard let op = value as? [String: Any], let id = op["operationId"] as? String else {
                    throw Mismatch(description: "\(method) \(path) has no operationId")
                }
                var query: [String: Bool] = [:]
                for parameter in op["parameters"] as? [[String: Any]] ?? [] {
                    let p = Self.resolve(parameter, in: components)
                    guard p["in"] as? String == "query", let name = p["name"] as? String else { continue }
                    let schema = Self.resolve(p["schema"] as? [String: Any] ?? [:], in: components)
                    query[name] = schema["type"] as? String == "integer"
                }
                let security = op["security"] as? [Any]
                operations.append(
                    Operation(
                        method: HTTPMethod(rawValue: method.uppercased()), path: path, id: id,
                        isPublic: security?.isEmpty == true, query: query))
            }
        }
        self.operations = operations.sorted { ($0.path, $0.method.rawValue) < ($1.path, $1.method.rawValue) }
    }

    /// Follows a local `$ref` (`#/components/parameters/page`) to what it names.
    static func resolve(_ object: [String: Any], in components: [String: Any]) -> [String: Any] {
        guard let ref = object["$ref"] as? String, ref.hasPrefix("#/components/") else { return object }
        let parts = ref.dropFirst("#/components/".count).split(separator: "/").map(String.init)
        guard parts.count == 2, let group = components[parts[0]] as? [String: Any],
            let named = group[parts[1]] as? [String: Any]
        else { return object }
        return resolve(named, in: components)
    }

    /// Every query parameter some operation reads, and which of them are integers.
    var queryNames: Set<String> { Set(operations.flatMap(\.query.keys)) }
    var integerQueryNames: Set<String> { Set(operations.flatMap { $0.query.filter(\.value).keys }) }

    /// Registers every operation with its handler: public ones on `open`, the others on `authed`.
    func register(
        open: any RoutesBuilder, authed: any RoutesBuilder, handlers: [String: Handler]
    ) throws {
        let missing = operations.map(\.id).filter { handlers[$0] == nil }
        let unused = Set(handlers.keys).subtracting(operations.map(\.id))
        guard missing.isEmpty, unused.isEmpty else {
            throw Mismatch(
                description:
                    "operations without a handler: \(missing.sorted()); handlers without an operation: \(unused.sorted())"
            )
        }
        for op in operations {
            let handler = handlers[op.id]!
            let builder = op.isPublic ? open : authed
            if let limit = handler.streamedLimit {
                builder.on(op.method, op.pathComponents, body: .stream, use: handler.respond)
                    .limited(to: limit, streamed: true)
            } else {
                builder.on(op.method, op.pathComponents, use: handler.respond)
            }
        }
    }
}
