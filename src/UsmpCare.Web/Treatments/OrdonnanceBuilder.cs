using UsmpCare.Documents;
using UsmpCare.Domain;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Treatments;
using UsmpCare.Domain.Units;
using UsmpCare.Web.Documents;

namespace UsmpCare.Web.Treatments;

/// <summary>
/// The ordonnance of a signed prescription (issue #20 point 5), as a <see cref="Letter"/> issued through
/// <see cref="DocumentIssuing"/>: what the pharmacy and the nurses read is what was signed, line by line in French.
/// </summary>
public static class OrdonnanceBuilder
{
    public static Letter Build(Prescription prescription, Patient patient, Unit unit)
    {
        if (!prescription.IsSigned || prescription.Change == PrescriptionChange.Stop)
        {
            throw new DomainException("Seule une ordonnance signée, avec ses lignes, s'imprime.");
        }
        var signedOn = DateOnly.FromDateTime(Fr.Local(prescription.SignedAt!.Value));
        // P15: the unit can be called back from the ordonnance itself; the renderer's FrenchTypography keeps the number
        // on one line (a number cut across two lines gets misdialled).
        var phone = unit.Phone;
        var rpps = prescription.PrescriberRpps is null ? "" : $"RPPS {prescription.PrescriberRpps}";
        List<LetterBlock> body =
        [
            LetterBlock.Row("Prescripteur", $"{prescription.PrescriberName}{(rpps.Length > 0 ? ", " + rpps : "")}"),
            LetterBlock.Row("Unité sanitaire", $"{unit.Name}, {unit.Address}, tél.{FrenchTypography.Nbsp}{phone}"),
            LetterBlock.Row("Patient", DocumentIdentity.Of(patient, signedOn)),
            LetterBlock.Heading("Prescription"),
            // Art. R.5132-29 CSP: a stupéfiant's quantities are written in full letters too.
            .. prescription.Lines.Select(l => LetterBlock.Paragraph("– " + l.Describe(inLetters: l.Narcotic))),
        ];
        if (prescription.Secured)
        {
            // Art. R.5132-5 CSP (ordonnance sécurisée): the number of specialties is written in the box for it.
            var count = prescription.Lines.Count;
            body.Add(LetterBlock.Row("Nombre de spécialités prescrites", $"{count} ({FrenchNumbers.InLetters(count)})"));
        }
        return new Letter(new Letterhead(unit.Name, unit.ReferenceHospital, unit.Address, phone),
            prescription.Secured ? "Ordonnance sécurisée" : "Ordonnance", [patient.FullName],
            $"Le {Fr.LongDate(signedOn)}", null, body,
            [prescription.PrescriberName, rpps, "Signature :"]);
    }
}
