using UsmpCare.Domain.Security;

namespace UsmpCare.Domain.Continuity;

public enum PreReleaseVisitStatus
{
    Offered,
    Done,
    Declined,
}

/// <summary>
/// The release checklist of one patient: the pre-release visit (P31), the pack and the information on how to obtain
/// his records (P12, P13, P18), its sending to the designated physician (P14), and for an injonction de soins the
/// coordinating and treating physicians (P34). A release without the pack needs a reason.
/// </summary>
public sealed class ReleasePlan : IUnitScoped
{
    private ReleasePlan()
    {
    }

    public ReleasePlan(Guid patientId, Guid unitId)
    {
        PatientId = patientId;
        UnitId = unitId;
    }

    public Guid PatientId { get; private set; }
    public Guid UnitId { get; private set; }

    public PreReleaseVisitStatus? Visit { get; private set; }
    public string? VisitByName { get; private set; }
    public DateTimeOffset? VisitAt { get; private set; }

    /// <summary>P34: the coordinating physician the judge designated (« médecin coordonnateur » of the injonction).</summary>
    public string? CoordinatingPhysician { get; private set; }

    /// <summary>P34: the treating physician chosen for after release.</summary>
    public string? TreatingPhysician { get; private set; }

    /// <summary>P34: names the injonction's two physicians; a blank name is not a name.</summary>
    public void NameInjonctionPhysicians(string? coordinating, string? treating)
    {
        CoordinatingPhysician = string.IsNullOrWhiteSpace(coordinating) ? null : coordinating.Trim();
        TreatingPhysician = string.IsNullOrWhiteSpace(treating) ? null : treating.Trim();
    }

    public Guid? PackDocumentId { get; private set; }
    public DateTimeOffset? PackSentToDesignatedAt { get; private set; }
    public DateTimeOffset? ReleasedAt { get; private set; }
    public string? ReleasedWithoutPackReason { get; private set; }
    public uint Version { get; private set; }

    public void RecordVisit(PreReleaseVisitStatus status, string byName, DateTimeOffset at)
    {
        Visit = status;
        VisitByName = byName;
        VisitAt = at;
    }

    public void PackIssued(Guid documentId) => PackDocumentId = documentId;

    public void PackSent(DateTimeOffset at)
    {
        if (PackDocumentId is null)
        {
            throw new DomainException("Établissez d'abord le dossier de sortie.");
        }
        PackSentToDesignatedAt = at;
    }

    public void Release(DateTimeOffset at, string? reasonWithoutPack)
    {
        if (ReleasedAt is not null)
        {
            throw new DomainException("La sortie est déjà enregistrée.");
        }
        if (PackDocumentId is null && string.IsNullOrWhiteSpace(reasonWithoutPack))
        {
            throw new DomainException("Le dossier de sortie n'a pas été établi : indiquez pourquoi le patient sort sans lui (P13).");
        }
        ReleasedAt = at;
        ReleasedWithoutPackReason = PackDocumentId is null ? reasonWithoutPack!.Trim() : null;
    }

    /// <summary>P34: what an injonction de soins still lacks before release.</summary>
    public IReadOnlyList<string> InjonctionGaps() =>
    [
        .. string.IsNullOrWhiteSpace(CoordinatingPhysician) ? ["médecin coordonnateur désigné par le juge"] : Array.Empty<string>(),
        .. string.IsNullOrWhiteSpace(TreatingPhysician) ? ["médecin traitant choisi"] : Array.Empty<string>(),
    ];

    public static string Label(PreReleaseVisitStatus status) => status switch
    {
        PreReleaseVisitStatus.Offered => "proposée",
        PreReleaseVisitStatus.Done => "faite",
        _ => "refusée par le patient",
    };
}
