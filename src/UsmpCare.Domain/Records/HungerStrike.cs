namespace UsmpCare.Domain.Records;

/// <summary>
/// P35 (CNOM 2021 recommendations): a hunger strike is followed daily — weight, clinical checks, information given —
/// and the patient's refusals are respected and recorded, never overridden.
/// </summary>
public sealed class HungerStrike : Security.IUnitScoped
{
    private HungerStrike()
    {
        StartedByName = "";
    }

    public HungerStrike(Guid patientId, Guid unitId, DateOnly startedOn, bool refusesFluids, Guid by, string byName,
        DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        PatientId = patientId;
        UnitId = unitId;
        StartedOn = startedOn;
        RefusesFluids = refusesFluids;
        StartedById = by;
        StartedByName = byName;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public Guid UnitId { get; private set; }
    public DateOnly StartedOn { get; private set; }

    /// <summary>A « grève de la soif » is an emergency within days, not weeks.</summary>
    public bool RefusesFluids { get; set; }

    public Guid StartedById { get; private set; }
    public string StartedByName { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Information given to the patient on the risks and the care offered (P09, P35).</summary>
    public string? InformationGiven { get; private set; }
    public DateTimeOffset? InformedAt { get; private set; }

    public DateOnly? EndedOn { get; private set; }
    public string? EndReason { get; private set; }

    public bool InProgress => EndedOn is null;

    public int DaysOn(DateOnly day) => day.DayNumber - StartedOn.DayNumber + 1;

    public void RecordInformation(string information, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(information))
        {
            throw new DomainException("Décrivez l'information donnée au patient.");
        }
        InformationGiven = information.Trim();
        InformedAt = at;
    }

    public void End(DateOnly on, string reason)
    {
        if (!InProgress)
        {
            throw new DomainException("Cette grève de la faim est déjà terminée.");
        }
        if (on < StartedOn)
        {
            throw new DomainException("La date de fin précède le début de la grève.");
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("Indiquez comment la grève a pris fin.");
        }
        EndedOn = on;
        EndReason = reason.Trim();
    }
}
