/// 一月一主题 / 行事历: each month's supervision theme and its focus items, a district's own calendar per year.
/// Seed 001's 2023 list of one district ships as `example`, for an office to load and edit, not as a default.
public enum MonthlyTheme {
    public static let example: [Int: String] = [
        1: "校风、教风、学风建设及期末工作",
        2: "春季开学工作",
        3: "校园安全、传染病防控和心理健康",
        4: "学生学习、课业负担和体艺2+1",
        5: "课程开设、课堂教学和控辍保学",
        6: "校园及周边安全，学生交通、防溺水安全教育",
        9: "招生、收费、择校",
        10: "教师师德和专业发展",
        11: "食堂、食品、饮水及宿舍卫生和劳动教育",
        12: "期末工作安排及绩效考核",
    ]

    public static let maxTheme = 100
    public static let maxFocus = 500
}

/// One month of a district's calendar.
public struct MonthTheme: Sendable, Equatable, Codable {
    public let month: Int
    public let theme: String
    /// Focus items (重点), one per line.
    public let focus: String

    public init(month: Int, theme: String, focus: String) {
        self.month = month
        self.theme = theme
        self.focus = focus
    }
}

/// The twelve months as the office types them (a theme and focus items each, both optional), checked.
public enum ThemeCalendarInput {
    public static func check(themes: [Int: String], focus: [Int: String]) -> Validated<[MonthTheme]> {
        var errors: [FieldError] = []
        var out: [MonthTheme] = []
        for month in 1...12 {
            let theme = (themes[month] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            let items = (focus[month] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if theme.count > MonthlyTheme.maxTheme {
                errors.append(.init("theme\(month)", "\(month)月主题不能超过\(MonthlyTheme.maxTheme)个字"))
            }
            if items.count > MonthlyTheme.maxFocus {
                errors.append(.init("focus\(month)", "\(month)月工作重点不能超过\(MonthlyTheme.maxFocus)个字"))
            }
            if theme.isEmpty && !items.isEmpty {
                errors.append(.init("theme\(month)", "请填写\(month)月的主题（已填写工作重点）"))
            }
            if !theme.isEmpty { out.append(MonthTheme(month: month, theme: theme, focus: items)) }
        }
        return errors.isEmpty ? .success(out) : .failure(errors)
    }

    /// The checklist each month names (an indicator system id as the form sends it, blank for none), checked: the
    /// id is one of `allowed` (the district's systems with a published version) and the month has a theme.
    public static func checkTemplates(themes: [Int: String], chosen: [Int: String], allowed: Set<Int>)
        -> Validated<[Int: Int]>
    {
        var errors: [FieldError] = []
        var out: [Int: Int] = [:]
        for month in 1...12 {
            let raw = (chosen[month] ?? "").trimmingCharacters(in: .whitespaces)
            guard !raw.isEmpty else { continue }
            guard let id = Int(raw), allowed.contains(id) else {
                errors.append(.init("template\(month)", "\(month)月的检查表请从本区已发布的指标体系中选择"))
                continue
            }
            if (themes[month] ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                errors.append(.init("theme\(month)", "请填写\(month)月的主题（已选择检查表）"))
                continue
            }
            out[month] = id
        }
        return errors.isEmpty ? .success(out) : .failure(errors)
    }
}
