import Fluent

/// 030: attachments kept in the database (`DUDAO_ATTACHMENTS=database`), by the SHA-256 of their content.
struct M030_AttachmentBlobs: AsyncMigration {
    var name: String { "M030_AttachmentBlobs" }

    func prepare(on db: any Database) async throws {
        try await db.schema("attachment_blobs")
            .field("hash", .string, .required)
            .field("size", .int, .required)
            .field("data", .data, .required)
            .unique(on: "hash")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("attachment_blobs").delete()
    }
}
