using UsmpCare.Documents;
using UsmpCare.Domain.Continuity;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Units;

namespace UsmpCare.Web.Documents;

/// <summary>
/// P21: the cover sheet of what travels with a patient to an outside consultation or a hospital. The escort carries
/// it and may read it: who, where, when — no specialty, no service, no reason, nothing medical.
/// </summary>
public static class CoverSheet
{
    public static Letter ForExtraction(Patient patient, Unit unit, EscortPlace place, DateTimeOffset at, DateOnly today) => new(
        new Letterhead(unit.Name, unit.ReferenceHospital, unit.Address, unit.Phone),
        "PLI CONFIDENTIEL — SECRET MÉDICAL",
        [place.Shown, "À remettre fermé, en main propre, au médecin qui reçoit le patient"],
        $"Le {Fr.LongDate(today)}",
        $"{patient.FullName}, écrou {patient.Ecrou} — rendez-vous du {Fr.DateTime(at)}",
        [
            LetterBlock.Paragraph("Ce pli est couvert par le secret médical. Seul le médecin qui reçoit le patient l'ouvre ; l'escorte le remet fermé et n'a pas à en connaître le contenu."),
            LetterBlock.Paragraph($"En cas de difficulté, appelez l'unité expéditrice au {unit.Phone}."),
        ],
        [unit.Name],
        Confidentiality: null);
}
