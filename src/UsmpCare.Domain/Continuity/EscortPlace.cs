using UsmpCare.Domain.Disclosures;
using UsmpCare.Domain.Security;

namespace UsmpCare.Domain.Continuity;

/// <summary>What kind of place an escort goes to: what the AP needs to organise it, nothing about the care.</summary>
public enum PlaceKind
{
    Hospital,
    /// <summary>Unité hospitalière sécurisée interrégionale.</summary>
    Uhsi,
    /// <summary>Unité hospitalière spécialement aménagée.</summary>
    Uhsa,
    Court,
    Other,
}

/// <summary>
/// P32, P05: one of the unit's places an escort may go to (« CHU de Villeneuve », « UHSI de Lyon »). The AP reads the
/// place, never a service, a specialty or a reason, so a name carrying one is refused; a place is retired, not deleted,
/// because past appointments name it.
/// </summary>
public sealed class EscortPlace : IUnitScoped
{
    public const int NameLength = 120;

    /// <summary>The place the EscortPlaces migration gave the appointments typed before the list existed.</summary>
    public const string ToBeSpecified = "Lieu à préciser";

    private EscortPlace()
    {
        Name = "";
    }

    public EscortPlace(Guid unitId, PlaceKind kind, string name)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new DomainException("Choisissez le type de lieu dans la liste.");
        }
        name = name.Trim();
        if (name.Length == 0 || name.Length > NameLength)
        {
            throw new DomainException($"Indiquez le nom du lieu ({NameLength} caractères au plus).");
        }
        if (MedicalTextCheck.PlaceNameProblems(name) is { Count: > 0 } words)
        {
            throw new DomainException(
                $"Le nom d'un lieu est lu par l'administration pénitentiaire : il ne peut pas contenir de service, de spécialité ni de motif ({string.Join(", ", words)}). Indiquez l'établissement seulement, par ex. « CHU de Villeneuve » (P05, P32).");
        }
        Id = Guid.NewGuid();
        UnitId = unitId;
        Kind = kind;
        Name = name;
        IsActive = true;
    }

    public Guid Id { get; private set; }
    public Guid UnitId { get; private set; }
    public PlaceKind Kind { get; private set; }
    public string Name { get; private set; }

    /// <summary>A retired place is no longer offered; the appointments that name it keep it.</summary>
    public bool IsActive { get; private set; }

    public void Retire() => IsActive = false;

    public void Restore() => IsActive = true;

    /// <summary>What the AP reads: the kind and the name.</summary>
    public string Shown => $"{Label(Kind)} — {Name}";

    public static string Label(PlaceKind kind) => kind switch
    {
        PlaceKind.Hospital => "Centre hospitalier",
        PlaceKind.Uhsi => "UHSI",
        PlaceKind.Uhsa => "UHSA",
        PlaceKind.Court => "Tribunal",
        _ => "Autre lieu",
    };
}
