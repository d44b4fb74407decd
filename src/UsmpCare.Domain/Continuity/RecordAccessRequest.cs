using UsmpCare.Domain.Security;

namespace UsmpCare.Domain.Continuity;

public enum AccessRequester
{
    Patient,
    Lawyer,
    MandatedThirdParty,
    DesignatedPhysician,
}

/// <summary>
/// P19: a request for the medical record — by the patient, his lawyer at his request, a third party holding a mandate
/// he signed, or a physician he designates. Legal deadline: 8 days, or 2 months when the information is more than five
/// years old (art. L.1111-7 CSP). Handing it over is a disclosure.
/// </summary>
public sealed class RecordAccessRequest : IUnitScoped
{
    private RecordAccessRequest()
    {
        RequesterName = RecordedByName = "";
    }

    public RecordAccessRequest(Guid patientId, Guid unitId, AccessRequester requester, string requesterName,
        bool mandateRecorded, bool olderThanFiveYears, DateOnly receivedOn, Guid by, string byName, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(requesterName))
        {
            throw new DomainException("Indiquez qui demande le dossier.");
        }
        if (requester == AccessRequester.MandatedThirdParty && !mandateRecorded)
        {
            throw new DomainException("Un tiers ne peut obtenir le dossier qu'avec un mandat signé du patient : enregistrez le mandat (P19).");
        }
        Id = Guid.NewGuid();
        PatientId = patientId;
        UnitId = unitId;
        Requester = requester;
        RequesterName = requesterName.Trim();
        MandateRecorded = mandateRecorded;
        OlderThanFiveYears = olderThanFiveYears;
        ReceivedOn = receivedOn;
        DueOn = DueDate(receivedOn, olderThanFiveYears);
        RecordedById = by;
        RecordedByName = byName;
        RecordedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public Guid UnitId { get; private set; }
    public AccessRequester Requester { get; private set; }
    public string RequesterName { get; private set; }
    public bool MandateRecorded { get; private set; }
    public bool OlderThanFiveYears { get; private set; }
    public DateOnly ReceivedOn { get; private set; }
    public DateOnly DueOn { get; private set; }
    public DateOnly? HandedOverOn { get; private set; }
    public string? HandedOverByName { get; private set; }
    public Guid RecordedById { get; private set; }
    public string RecordedByName { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public uint Version { get; private set; }

    public static DateOnly DueDate(DateOnly received, bool olderThanFiveYears) =>
        olderThanFiveYears ? received.AddMonths(2) : received.AddDays(8);

    public bool IsOverdue(DateOnly today) => HandedOverOn is null && today > DueOn;

    public void HandOver(DateOnly on, string byName)
    {
        if (HandedOverOn is not null)
        {
            throw new DomainException("Le dossier a déjà été remis pour cette demande.");
        }
        HandedOverOn = on;
        HandedOverByName = byName;
    }

    public static string Label(AccessRequester requester) => requester switch
    {
        AccessRequester.Patient => "Le patient",
        AccessRequester.Lawyer => "Son avocat, à sa demande",
        AccessRequester.MandatedThirdParty => "Un tiers mandaté par le patient",
        _ => "Un médecin qu'il désigne",
    };
}
