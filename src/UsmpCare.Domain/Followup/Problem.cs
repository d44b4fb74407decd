using System.Linq.Expressions;
using UsmpCare.Domain.Records;
using UsmpCare.Domain.Security;

namespace UsmpCare.Domain.Followup;

public enum ProblemStatus
{
    Active,
    Resolved,

    /// <summary>Recorded by mistake: kept with its reason, never deleted (P17).</summary>
    Erroneous,
}

/// <summary>
/// One line of the patient's problem list (issue #21, point 6): a CIM-10 coded problem, active or resolved, kept in the
/// record of the team that wrote it (P30) and distinct from a consultation's diagnoses, which stay in their signed entry.
/// </summary>
public sealed class Problem : IFollowupItem
{
    private Problem()
    {
        Code = Label = RecordedByName = "";
    }

    public Problem(Guid patientId, Guid unitId, Team team, Cim10Code code, DateOnly? onsetOn, Guid? fromEntryId,
        Guid by, string byName, DateTimeOffset at, DateOnly today)
    {
        if (onsetOn > today)
        {
            throw new DomainException("La date de début du problème ne peut pas être dans le futur.");
        }
        Id = Guid.NewGuid();
        PatientId = patientId;
        UnitId = unitId;
        Team = team;
        Code = code.Code;
        Label = code.Label;
        OnsetOn = onsetOn;
        FromEntryId = fromEntryId;
        RecordedById = by;
        RecordedByName = byName;
        RecordedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public Guid UnitId { get; private set; }

    /// <summary>The record it belongs to: read by the other team only where the patient agreed to sharing (P30).</summary>
    public Team Team { get; private set; }

    public string Code { get; private set; }
    public string Label { get; private set; }
    public DateOnly? OnsetOn { get; private set; }
    public DateOnly? ResolvedOn { get; private set; }
    public ProblemStatus Status { get; private set; }

    /// <summary>The consultation whose diagnosis was added to the list, if it came from one.</summary>
    public Guid? FromEntryId { get; private set; }

    public Guid RecordedById { get; private set; }
    public string RecordedByName { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public string? ErroneousReason { get; private set; }
    public string? ErroneousByName { get; private set; }
    public DateTimeOffset? ErroneousAt { get; private set; }

    /// <summary>What the list shows: active and resolved problems, not those recorded by mistake.</summary>
    public static readonly Expression<Func<Problem, bool>> Listed = p => p.Status != ProblemStatus.Erroneous;

    public void Resolve(DateOnly on, DateOnly today)
    {
        if (Status != ProblemStatus.Active)
        {
            throw new DomainException("Seul un problème actif peut être résolu.");
        }
        if (on > today)
        {
            throw new DomainException("La date de résolution ne peut pas être dans le futur.");
        }
        if (on < OnsetOn)
        {
            throw new DomainException("La date de résolution précède le début du problème.");
        }
        Status = ProblemStatus.Resolved;
        ResolvedOn = on;
    }

    /// <summary>P17: nothing medical is deleted; a problem recorded by mistake is marked so, with why and by whom.</summary>
    public void MarkErroneous(string? reason, string byName, DateTimeOffset at)
    {
        if (Status == ProblemStatus.Erroneous)
        {
            throw new DomainException("Ce problème est déjà marqué erroné.");
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("Indiquez pourquoi ce problème est erroné.");
        }
        Status = ProblemStatus.Erroneous;
        ErroneousReason = reason.Trim();
        ErroneousByName = byName;
        ErroneousAt = at;
    }

    public static string StatusLabel(ProblemStatus status) => status switch
    {
        ProblemStatus.Active => "actif",
        ProblemStatus.Resolved => "résolu",
        _ => "erroné",
    };
}
