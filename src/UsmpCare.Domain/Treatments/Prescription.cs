using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Security;

namespace UsmpCare.Domain.Treatments;

public enum PrescriptionStatus
{
    Draft,
    Signed,
    /// <summary>A draft given up before signing: kept, never deleted.</summary>
    Abandoned,
}

/// <summary>What a version does to the one it replaces.</summary>
public enum PrescriptionChange
{
    New,
    Modification,
    Renewal,
    /// <summary>Ends the treatment: a signed version without lines, with its reason.</summary>
    Stop,
}

/// <summary>
/// A prescription of medicines by a physician or psychiatrist, in his team's record (P30). Signed, it is immutable
/// (like a signed clinical entry, P17, and in the database by <c>core.protect_clinical_entry</c>): modifying, renewing or
/// stopping it writes a new version that supersedes it (<see cref="ReplacesId"/>).
/// </summary>
public sealed class Prescription : IUnitScoped
{
    private Prescription()
    {
        PrescriberName = "";
    }

    private Prescription(Guid patientId, Guid unitId, Team team, Prescriber by, DateTimeOffset at, PrescriptionChange change,
        Guid? replaces)
    {
        Id = Guid.NewGuid();
        PatientId = patientId;
        UnitId = unitId;
        Team = team;
        PrescriberId = by.Id;
        PrescriberName = by.Name;
        PrescriberRpps = by.Rpps;
        CreatedAt = at;
        Change = change;
        ReplacesId = replaces;
    }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public Guid UnitId { get; private set; }

    /// <summary>The prescriber's team: the record the prescription belongs to (P30).</summary>
    public Team Team { get; private set; }
    public Guid PrescriberId { get; private set; }
    public string PrescriberName { get; private set; }
    public string? PrescriberRpps { get; private set; }
    public PrescriptionStatus Status { get; private set; }
    public PrescriptionChange Change { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SignedAt { get; private set; }

    /// <summary>The version this one supersedes once signed.</summary>
    public Guid? ReplacesId { get; private set; }
    public string? StopReason { get; private set; }
    public List<PrescriptionLine> Lines { get; private set; } = [];

    public bool IsSigned => Status == PrescriptionStatus.Signed;

    /// <summary>A stupéfiant on any line: the ordonnance takes the secured layout (art. R.5132-5 CSP).</summary>
    public bool Secured => Lines.Any(l => l.Narcotic);

    public static Prescription Draft(Guid patientId, Guid unitId, Team team, Prescriber by, DateTimeOffset at) =>
        new(patientId, unitId, team, by, at, PrescriptionChange.New, null);

    /// <summary>A new draft with the same lines, to change; it supersedes this one when signed.</summary>
    public Prescription Modify(Team team, Prescriber by, DateTimeOffset at)
    {
        var next = Successor(team, by, at, PrescriptionChange.Modification);
        next.Lines = [.. Lines.Select(l => l.With(l.Start, l.Reason))];
        return next;
    }

    /// <summary>A new draft with the same lines for the same durations, starting <paramref name="start"/>.</summary>
    public Prescription Renew(Team team, Prescriber by, DateTimeOffset at, DateOnly start)
    {
        var next = Successor(team, by, at, PrescriptionChange.Renewal);
        next.Lines = [.. Lines.Select(l => l.With(start, l.Reason))];
        return next;
    }

    /// <summary>Ends the treatment: a signed version without lines that says why.</summary>
    public Prescription Stop(Team team, Prescriber by, DateTimeOffset at, string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("Indiquez le motif de l'arrêt du traitement.");
        }
        var stop = Successor(team, by, at, PrescriptionChange.Stop);
        stop.StopReason = reason.Trim();
        stop.Status = PrescriptionStatus.Signed;
        stop.SignedAt = at;
        return stop;
    }

    /// <summary>
    /// Adds a checked line. A same-substance line already active, or an allergy of the patient, needs a reason
    /// (<see cref="PrescribingChecks.Clashes"/>): without one the line is refused with the warnings, with one it is kept.
    /// <paramref name="hidden"/>: the other team's active lines this prescriber may not read (P30), checked anonymously.
    /// </summary>
    public void AddLine(PrescriptionLine line, IEnumerable<PrescriptionLine> activeElsewhere, AllergyRecord allergies,
        IEnumerable<PrescriptionLine>? hidden = null)
    {
        EnsureDraft();
        var clashes = PrescribingChecks.Clashes(line, [.. activeElsewhere, .. Lines], allergies, hidden);
        if (clashes.Count > 0 && line.Reason is null)
        {
            throw new DomainException([.. clashes, "Pour maintenir cette ligne malgré l'alerte, indiquez-en le motif."]);
        }
        Lines.Add(clashes.Count > 0 ? line : line.With(line.Start, null));
    }

    public void RemoveLine(int index)
    {
        EnsureDraft();
        if (index < 0 || index >= Lines.Count)
        {
            throw new DomainException("Cette ligne n'existe plus sur l'ordonnance.");
        }
        Lines.RemoveAt(index);
    }

    /// <param name="replacedAlreadySuperseded">Another version of the one this draft replaces was signed meanwhile.</param>
    public void Sign(DateTimeOffset at, bool replacedAlreadySuperseded)
    {
        EnsureDraft();
        if (Lines.Count == 0)
        {
            throw new DomainException("Ajoutez au moins une ligne avant de signer l'ordonnance.");
        }
        if (replacedAlreadySuperseded)
        {
            throw new DomainException("L'ordonnance que celle-ci remplace a déjà été modifiée, renouvelée ou arrêtée : repartez du traitement en cours.");
        }
        Status = PrescriptionStatus.Signed;
        SignedAt = at;
    }

    public void Abandon()
    {
        EnsureDraft();
        Status = PrescriptionStatus.Abandoned;
    }

    private Prescription Successor(Team team, Prescriber by, DateTimeOffset at, PrescriptionChange change)
    {
        if (!IsSigned || Change == PrescriptionChange.Stop)
        {
            throw new DomainException("Seule une ordonnance signée et en cours se modifie, se renouvelle ou s'arrête.");
        }
        if (team != Team)
        {
            // P30: a team writes in its own record only.
            throw new DomainException("Seule l'équipe qui a prescrit ce traitement peut le modifier, le renouveler ou l'arrêter.");
        }
        return new Prescription(PatientId, UnitId, Team, by, at, change, Id);
    }

    private void EnsureDraft()
    {
        if (Status != PrescriptionStatus.Draft)
        {
            // P17: what was signed is never rewritten; a change is a new version.
            throw new DomainException("Une ordonnance signée ne se modifie plus : modifiez, renouvelez ou arrêtez le traitement depuis le traitement en cours.");
        }
    }
}

/// <summary>Who prescribes: name as printed (« Dr … ») and RPPS number.</summary>
public sealed record Prescriber(Guid Id, string Name, string? Rpps);
