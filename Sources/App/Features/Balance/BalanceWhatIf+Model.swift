import DudaoCore

/// 假如: one school's figures changed, the coefficients computed again beside the real ones. Nothing is saved.
struct BalanceWhatIf: Sendable {
    struct Choice: Sendable {
        let id: Int
        let name: String
    }
    let year: Int
    let standard: BalanceStandard
    /// The schools to choose from (compulsory schools with a return this year).
    let choices: [Choice]
    let school: SchoolReturn?
    /// The figures as typed (or the school's own when nothing was typed yet).
    let fields: [String: String]
    let errors: [FieldError]
    let before: BalanceComputation
    let after: BalanceComputation?

    /// The fields the form shows for the chosen school: its sections' students and the standard's resources.
    var keys: [String] {
        guard let school else { return [] }
        return BalanceFigures.sections(of: school.type).map(BalanceFigures.studentsField)
            + standard.resources.map(\.rawValue)
    }

    static func make(
        year: Int, standard: BalanceStandard, returns: [SchoolReturn], weights: SectionWeights, schoolID: Int?,
        typed: [String: String]?
    ) -> BalanceWhatIf {
        let compulsory = returns.filter { $0.type != .kindergarten }
        let before = BalanceComputation(rows: BalanceData.rows(compulsory, weights: weights), standard: standard)
        let choices = compulsory.map { Choice(id: $0.schoolID, name: "\($0.name)（\($0.code)）") }
        guard let index = compulsory.firstIndex(where: { $0.schoolID == schoolID }) else {
            return BalanceWhatIf(
                year: year, standard: standard, choices: choices, school: nil, fields: [:], errors: [],
                before: before, after: nil)
        }
        let school = compulsory[index]
        guard let typed else {
            return BalanceWhatIf(
                year: year, standard: standard, choices: choices, school: school, fields: school.figures.fields,
                errors: [], before: before, after: nil)
        }
        // Resources the standard does not show keep the school's own values.
        var merged = school.figures.fields
        merged.merge(typed) { $1 }
        let (figures, errors) = BalanceFigures.parse(merged, type: school.type)
        var after: BalanceComputation?
        if let figures {
            var changed = compulsory
            changed[index].figures = figures
            after = BalanceComputation(rows: BalanceData.rows(changed, weights: weights), standard: standard)
        }
        return BalanceWhatIf(
            year: year, standard: standard, choices: choices, school: school, fields: merged, errors: errors,
            before: before, after: after)
    }
}
