using System.Linq.Expressions;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Security;
using UsmpCare.Domain.Units;

namespace UsmpCare.Domain.Consents;

/// <summary>
/// P09: the « Livret d'information du patient » handed at entry — the unit, how to reach it, medical secrecy and its
/// limits, his rights to object and to get his record. Append-only: one row per sheet handed, never changed.
/// </summary>
public sealed class InformationSheet : IUnitScoped
{
    /// <summary>French is always offered: the sheet is written first in French (P09).</summary>
    public const string French = "fr";

    private InformationSheet()
    {
        Language = HandedByName = "";
    }

    /// <exception cref="DomainException">The unit has not enabled this language.</exception>
    public InformationSheet(Patient patient, Unit unit, string language, Guid documentId, Guid handedById,
        string handedByName, DateTimeOffset at, DateOnly handedOn)
    {
        if (!unit.OffersInformationIn(language))
        {
            throw new DomainException("Le livret d'information n'est pas proposé dans cette langue par l'unité : choisissez une des langues activées.");
        }
        Id = Guid.NewGuid();
        PatientId = patient.Id;
        UnitId = patient.UnitId;
        Language = language;
        DocumentId = documentId;
        HandedById = handedById;
        HandedByName = handedByName;
        At = at;
        HandedOn = handedOn;
    }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public Guid UnitId { get; private set; }

    /// <summary>ISO 639-1 code of the language of the sheet handed (« fr », « en »…).</summary>
    public string Language { get; private set; }

    /// <summary>The issued document (register) whose PDF was printed and handed.</summary>
    public Guid DocumentId { get; private set; }

    public Guid HandedById { get; private set; }
    public string HandedByName { get; private set; }
    public DateTimeOffset At { get; private set; }

    /// <summary>The Paris date it was handed, compared with the patient's arrival.</summary>
    public DateOnly HandedOn { get; private set; }

    /// <summary>
    /// P09: due from the patient's arrival until a sheet is handed for this stay — one handed at an earlier stay does
    /// not inform him of the unit he now depends on.
    /// </summary>
    public static Expression<Func<Patient, bool>> Due(IQueryable<InformationSheet> handed) =>
        p => p.Status == PatientStatus.Present && !handed.Any(s => s.PatientId == p.Id && s.HandedOn >= p.ArrivalDate);
}
