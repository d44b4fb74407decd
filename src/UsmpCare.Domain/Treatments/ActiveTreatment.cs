using UsmpCare.Domain.Security;

namespace UsmpCare.Domain.Treatments;

/// <summary>A line of the current treatment, with the signed prescription it comes from.</summary>
public sealed record ActiveLine(Prescription Prescription, PrescriptionLine Line, bool EndsSoon);

/// <summary>« Traitement en cours »: derived from the prescriptions, never typed.</summary>
public static class ActiveTreatment
{
    /// <summary>Lines ending within this many days are flagged, to renew or stop in time.</summary>
    public const int EndingWithinDays = 7;

    /// <summary>
    /// The lines of the signed prescriptions that no signed version supersedes (modified, renewed or stopped), that are
    /// not a stop, and whose end date has not passed.
    /// </summary>
    public static IReadOnlyList<ActiveLine> Of(IReadOnlyCollection<Prescription> prescriptions, DateOnly today)
    {
        var superseded = prescriptions.Where(p => p.IsSigned && p.ReplacesId is not null).Select(p => p.ReplacesId!.Value).ToHashSet();
        return [.. prescriptions
            .Where(p => p.IsSigned && p.Change != PrescriptionChange.Stop && !superseded.Contains(p.Id))
            .SelectMany(p => p.Lines.Where(l => l.End >= today)
                .Select(l => new ActiveLine(p, l, l.End.DayNumber - today.DayNumber < EndingWithinDays)))
            .OrderBy(a => a.Line.DrugName)];
    }

    /// <summary>
    /// P30: the active lines a reader of these records sees, and those of the other team's record he does not (no
    /// sharing agreed): the hidden ones only feed the anonymous clash check (<see cref="PrescribingChecks.HiddenClash"/>).
    /// </summary>
    public static WalledTreatment Walled(IReadOnlyList<ActiveLine> active, IReadOnlyCollection<Team> readableTeams) =>
        new([.. active.Where(a => readableTeams.Contains(a.Prescription.Team))],
            [.. active.Where(a => !readableTeams.Contains(a.Prescription.Team)).Select(a => a.Line)]);
}

/// <summary>The active treatment as one reader may see it: his lines, and the other team's lines kept out of sight.</summary>
public sealed record WalledTreatment(IReadOnlyList<ActiveLine> Visible, IReadOnlyList<PrescriptionLine> Hidden);
