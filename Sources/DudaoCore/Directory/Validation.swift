import Foundation

/// A message for one field of a form or one column of an import row.
public struct FieldError: Sendable, Equatable, Codable {
    public let field: String
    public let message: String
    public init(_ field: String, _ message: String) {
        self.field = field
        self.message = message
    }
}

public enum Validate {
    /// 学校标识码: exactly ten digits, issued by the Ministry of Education, never starting with 0.
    public static func schoolCode(_ text: String) -> String? {
        let code = text.trimmingCharacters(in: .whitespaces)
        if code.isEmpty { return "请填写学校标识码" }
        guard code.count == 10, code.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return "学校标识码应为10位数字"
        }
        if code.hasPrefix("0") { return "学校标识码不能以0开头" }
        return nil
    }

    /// A mobile number (11 digits, 1[3-9]…) or a landline with area code (0512-66668888).
    public static func phone(_ text: String, required: Bool = false) -> String? {
        let phone = text.trimmingCharacters(in: .whitespaces)
        if phone.isEmpty { return required ? "请填写联系电话" : nil }
        if isMobile(phone) { return nil }
        let parts = phone.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 2, parts[0].hasPrefix("0"), (3...4).contains(parts[0].count),
            (7...8).contains(parts[1].count),
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } })
        {
            return nil
        }
        if phone.count >= 3, phone.count <= 5, phone.allSatisfy({ $0.isASCII && $0.isNumber }) {
            return nil  // short service numbers such as 12345
        }
        return "电话格式不正确，手机号为11位数字，座机请写成“区号-号码”"
    }

    public static func isMobile(_ text: String) -> Bool {
        let chars = Array(text)
        return chars.count == 11 && chars[0] == "1" && ("3"..."9").contains(chars[1])
            && chars.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// A non-negative whole number; empty means zero when `optional`.
    public static func count(_ text: String, field: String, optional: Bool = true) -> (Int?, String?) {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.isEmpty { return optional ? (0, nil) : (nil, "请填写\(field)") }
        guard let n = Int(t), n >= 0 else { return (nil, "\(field)应为不小于0的整数") }
        if n > 100_000 { return (nil, "\(field)数值过大") }
        return (n, nil)
    }

    public static func required(_ text: String, field: String, maxLength: Int = 100) -> String? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.isEmpty { return "请填写\(field)" }
        if t.count > maxLength { return "\(field)不能超过\(maxLength)个字" }
        return nil
    }

    public static func optional(_ text: String, field: String, maxLength: Int = 200) -> String? {
        text.count > maxLength ? "\(field)不能超过\(maxLength)个字" : nil
    }
}

/// The outcome of checking a form or a row: the typed record, or every field's message.
public enum Validated<Value: Sendable>: Sendable {
    case success(Value)
    case failure([FieldError])
}

extension Validated {
    /// The messages of a failure; none on success.
    public var errors: [FieldError] {
        if case .failure(let e) = self { return e }
        return []
    }
}

extension Array where Element == FieldError {
    /// The message for `field`, to show next to it (the first, if several).
    public func message(for field: String) -> String? { first { $0.field == field }?.message }
}
