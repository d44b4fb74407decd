namespace UsmpCare.Domain.Patients;

/// <summary>A movement as the prison's management system (GENESIS) reports it.</summary>
public enum MovementKind
{
    /// <summary>Arrivée (écrou in this establishment).</summary>
    Arrival,
    /// <summary>Libération.</summary>
    Release,
    /// <summary>Transfert sortant, to another establishment.</summary>
    TransferOut,
    /// <summary>Transfert entrant, from another establishment.</summary>
    TransferIn,
}

/// <summary>
/// One movement of a detained person applied to the unit's roster from the prison's file. The journal makes an import
/// idempotent: a movement already applied (same écrou, kind and date) is never applied twice. P29: it holds where the
/// person goes and when, never why — the offence, sentence and judicial columns of the file are dropped before this.
/// </summary>
public sealed class PrisonMovement : Security.IUnitScoped
{
    private PrisonMovement()
    {
        Ecrou = ImportedByName = "";
    }

    public PrisonMovement(Guid unitId, Guid patientId, string ecrou, MovementKind kind, DateOnly date,
        string? establishment, string importedByName, DateTimeOffset importedAt)
    {
        Id = Guid.NewGuid();
        UnitId = unitId;
        PatientId = patientId;
        Ecrou = Patient.NormalizeEcrou(ecrou);
        Kind = kind;
        Date = date;
        Establishment = string.IsNullOrWhiteSpace(establishment) ? null : establishment.Trim();
        ImportedByName = importedByName;
        ImportedAt = importedAt;
    }

    public Guid Id { get; private set; }
    public Guid UnitId { get; private set; }
    public Guid PatientId { get; private set; }
    public string Ecrou { get; private set; }
    public MovementKind Kind { get; private set; }
    public DateOnly Date { get; private set; }

    /// <summary>The establishment the person goes to (transfer out) or comes from (transfer in).</summary>
    public string? Establishment { get; private set; }

    public string ImportedByName { get; private set; }
    public DateTimeOffset ImportedAt { get; private set; }

    /// <summary>The roster status a movement leads to.</summary>
    public static PatientStatus StatusAfter(MovementKind kind) => kind switch
    {
        MovementKind.Release => PatientStatus.Released,
        MovementKind.TransferOut => PatientStatus.Transferred,
        _ => PatientStatus.Present,
    };

    public static string Label(MovementKind kind) => kind switch
    {
        MovementKind.Arrival => "arrivée",
        MovementKind.Release => "libération",
        MovementKind.TransferOut => "transfert sortant",
        MovementKind.TransferIn => "transfert entrant",
        _ => kind.ToString(),
    };
}
