import Foundation

/// A system's own settings (name, who it scores, full score, grade bands, source) as form values and back.
public enum SystemSettingsInput {
    public static func values(of system: IndicatorSystem) -> [String: String] {
        [
            "name": system.name, "kind": system.kind.rawValue, "fullScore": Score.text(system.fullScore),
            "bands": system.bands.map { "\($0.label)≥\(Score.text($0.min))" }.joined(separator: "；"),
            "source": system.source,
        ]
    }

    /// Applies the form to `system` (a new one when nil), or says what is wrong field by field.
    public static func apply(_ values: [String: String], to system: IndicatorSystem?) -> Validated<IndicatorSystem> {
        var errors: [FieldError] = []
        let name = (values["name"] ?? "").trimmingCharacters(in: .whitespaces)
        if name.isEmpty || name.count > 100 { errors.append(FieldError("name", "请填写名称（100 字以内）")) }
        let kind = TargetKind(rawValue: values["kind"] ?? "")
        if kind == nil { errors.append(FieldError("kind", "请选择评价对象")) }
        let fullScore = Double(values["fullScore"] ?? "").flatMap { $0 > 0 && $0 <= 1000 ? $0 : nil }
        if fullScore == nil { errors.append(FieldError("fullScore", "满分应为 1–1000 之间的数字")) }
        let bands = IndicatorSheet.parseBands(values["bands"] ?? "")
        if bands == nil { errors.append(FieldError("bands", "等级应写成「优秀≥90；良好≥80；合格≥60；不合格≥0」")) }
        let source = values["source"] ?? ""
        if source.count > 1000 { errors.append(FieldError("source", "来源说明不能超过 1000 字")) }
        guard errors.isEmpty, let kind, let fullScore, let bands else { return .failure(errors) }
        var result = system ?? IndicatorSystem(name: name, kind: kind, nodes: [])
        result.name = name
        result.kind = kind
        result.fullScore = fullScore
        result.bands = bands
        result.source = source
        let bandProblems = result.problems().filter { $0.hasPrefix("等级") || $0.hasPrefix("请至少设一个等级") }
        if !bandProblems.isEmpty { return .failure(bandProblems.map { FieldError("bands", $0) }) }
        return .success(result)
    }
}
