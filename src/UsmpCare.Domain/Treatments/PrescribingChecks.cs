using UsmpCare.Domain.Disclosures;
using UsmpCare.Domain.Patients;

namespace UsmpCare.Domain.Treatments;

/// <summary>
/// The warnings of a new line: the same substance already active, or a substance the patient is allergic to. The
/// allergies are matched by the patient's record itself (<see cref="AllergyRecord.ActiveAllergiesMatching"/>): one
/// way to say whether a substance is an allergen, for the prescriber's check and for anything else that asks.
/// </summary>
public static class PrescribingChecks
{
    public static IReadOnlyList<string> Clashes(PrescriptionLine line, IEnumerable<PrescriptionLine> active, AllergyRecord allergies)
    {
        var warnings = new List<string>();
        var mine = line.Substances.Select(MedicalTextCheck.Normalize).ToHashSet();
        foreach (var other in active.Where(o => o.Substances.Any(s => mine.Contains(MedicalTextCheck.Normalize(s)))))
        {
            warnings.Add($"Même substance qu'une ligne en cours : {other.DrugName}.");
        }
        foreach (var allergy in allergies.ActiveAllergiesMatching(line.Substances.Append(line.DrugName)))
        {
            warnings.Add($"Allergie connue du patient : « {allergy.Substance} ».");
        }
        return warnings;
    }
}
