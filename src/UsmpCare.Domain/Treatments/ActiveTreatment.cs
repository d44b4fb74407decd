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
}
