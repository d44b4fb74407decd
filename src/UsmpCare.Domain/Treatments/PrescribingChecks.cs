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
    /// <summary>P30: a clash with a line of the other team's record the prescriber may not read; it names nothing.</summary>
    public const string HiddenClash =
        "Un traitement prescrit par l'autre équipe interagit avec cette prescription : contactez-la.";

    /// <param name="hidden">The active lines of the other team's record, walled off from this prescriber (P30,
    /// <see cref="ActiveTreatment.Walled"/>): still checked for the patient's safety, reported without the drug.</param>
    public static IReadOnlyList<string> Clashes(PrescriptionLine line, IEnumerable<PrescriptionLine> active, AllergyRecord allergies,
        IEnumerable<PrescriptionLine>? hidden = null)
    {
        var warnings = new List<string>();
        var mine = line.Substances.Select(MedicalTextCheck.Normalize).ToHashSet();
        bool SameSubstance(PrescriptionLine other) => other.Substances.Any(s => mine.Contains(MedicalTextCheck.Normalize(s)));
        foreach (var other in active.Where(SameSubstance))
        {
            warnings.Add($"Même substance qu'une ligne en cours : {other.DrugName}.");
        }
        if ((hidden ?? []).Any(SameSubstance))
        {
            warnings.Add(HiddenClash);
        }
        foreach (var allergy in allergies.ActiveAllergiesMatching(line.Substances.Append(line.DrugName)))
        {
            warnings.Add($"Allergie connue du patient : « {allergy.Substance} ».");
        }
        return warnings;
    }
}
