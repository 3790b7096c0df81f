import Foundation

/// A list's search box: what the account typed, trimmed; nil when blank (no search, and the list may keep its total,
/// see `ListTotals`).
enum SearchText {
    static func of(_ typed: String?) -> String? {
        guard let text = typed?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        return text
    }
}
