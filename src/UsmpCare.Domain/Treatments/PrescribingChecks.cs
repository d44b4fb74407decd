using UsmpCare.Domain.Disclosures;

namespace UsmpCare.Domain.Treatments;

/// <summary>
/// The warnings of a new line: the same substance already active, or a substance the patient is allergic to. One
/// method, so that the source of the allergies (today the free-text list of the chart) can change in one place.
/// </summary>
public static class PrescribingChecks
{
    public static IReadOnlyList<string> Clashes(PrescriptionLine line, IEnumerable<PrescriptionLine> active, IEnumerable<string> allergies)
    {
        var warnings = new List<string>();
        var mine = line.Substances.Select(MedicalTextCheck.Normalize).ToHashSet();
        foreach (var other in active.Where(o => o.Substances.Any(s => mine.Contains(MedicalTextCheck.Normalize(s)))))
        {
            warnings.Add($"Même substance qu'une ligne en cours : {other.DrugName}.");
        }
        var names = line.Substances.Append(line.DrugName).Select(MedicalTextCheck.Normalize).ToList();
        foreach (var allergy in allergies.Select(a => a.Trim()).Where(a => a.Length >= 3))
        {
            var folded = MedicalTextCheck.Normalize(allergy);
            if (names.Any(n => n.Contains(folded, StringComparison.Ordinal) || (n.Length >= 3 && folded.Contains(n, StringComparison.Ordinal))))
            {
                warnings.Add($"Allergie connue du patient : « {allergy} ».");
            }
        }
        return warnings;
    }
}
