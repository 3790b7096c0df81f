import DudaoCore
import Fluent
import Vapor

/// 四个公开: the schools and their responsible inspectors, the supervision items, the complaint
/// channel and who is responsible — no login. Only what the sign at the school gate shows.
enum PublicController {
    static func home(req: Request) async throws -> Page {
        let filter = try req.query.decode(PublicHome.Filter.self)
        let model = try await PublicHome.query(filter, on: req.db)
        return PublicHomeView(ctx: req.pageContext(), model: model).render()
    }

    static func sign(req: Request) async throws -> Page {
        let model = try await SchoolSign.query(schoolID: try req.parameters.id(), on: req.db)
        return SchoolSignView(ctx: req.pageContext(), model: model).render()
    }

    /// Inspector photos (public, as on the sign). Other stored files are not served here.
    static func file(req: Request) async throws -> Response {
        guard let hash = req.parameters.get("hash"),
            try await Inspector.query(on: req.db).filter(\.$photo == hash).count() > 0,
            let data = try await req.attachments.get(hash)
        else { throw Abort(.notFound, reason: "文件不存在") }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(
            name: .contentType, value: ImageKind(sniffing: data)?.rawValue ?? "application/octet-stream")
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=86400, immutable")
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}
