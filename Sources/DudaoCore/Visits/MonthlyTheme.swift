/// 一月一主题: the month's supervision theme from the district calendar (seed 001's list as the default).
public enum MonthlyTheme {
    public static let defaults: [Int: String] = [
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

    public static func theme(for day: Day, calendar: [Int: String] = defaults) -> String? {
        calendar[day.month]
    }
}
