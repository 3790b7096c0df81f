import DudaoCore

/// 导入与导出: the upload forms, and after an upload what came of it. Plain values.
struct DirectoryImport: Sendable {
    enum Kind: String, Sendable {
        case schools, inspectors

        var label: String { self == .schools ? "学校" : "督学" }
    }

    /// What an upload came to: the file refused, bad rows listed (nothing saved), or the counts saved.
    struct Outcome: Sendable, Equatable {
        var kind: Kind
        var fileName: String
        var fileError: String?
        var rowErrors: [ImportRowError] = []
        var created = 0
        var updated = 0
        var unchanged = 0

        /// Nothing was saved: the page is answered with 422.
        var failed: Bool { fileError != nil || !rowErrors.isEmpty }
    }

    /// nil before any upload.
    let outcome: Outcome?
}
