using System.Globalization;
using Hl7.Fhir.Model;
using UsmpCare.Domain.Followup;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Records;
using UsmpCare.Domain.Treatments;
using ConsultationLine = UsmpCare.Domain.Records.PrescriptionLine;
using DomainPatient = UsmpCare.Domain.Patients.Patient;
using TreatmentLine = UsmpCare.Domain.Treatments.PrescriptionLine;

namespace UsmpCare.Web.Interop;

/// <summary>
/// The clinical resources of the summary, coded where our data is coded: CIM-10 problems, the ANSM's CIS codes for
/// medicines, its substance codes for drug allergies, the IPS's own codes for « no known allergies » and « no
/// information », ATC for vaccines, UCUM for result units it recognises.
/// </summary>
public static class FhirClinical
{
    /// <summary>
    /// The BDPM's specialty codes (CIS), as the ANS's terminology server (SMT) publishes them and its FR Document Core
    /// guide codes medicines (ValueSet fr-vs-vaccine-code-cis).
    /// </summary>
    public const string AnsmCis = "https://smt.esante.gouv.fr/terminologie-bdpm";

    /// <summary>
    /// The demo referential's made-up CIS codes (99xxxxxx, <see cref="Drug.DemoCisPrefix"/>): coded under a system of ours
    /// in the reserved « .invalid » domain, so that no receiver can take them for the ANSM's.
    /// </summary>
    public const string DemoCis = "https://usmpcare.invalid/fhir/CodeSystem/cis-demonstration";

    /// <summary>The ANSM's substance codes (those of CIS_COMPO_bdpm), as Interop'Santé's French FHIR guides name them.</summary>
    public const string AnsmSubstance = "http://data.esante.gouv.fr/ansm/medicament/substance";

    /// <summary>IPS codes for « no known allergies » and « no information about allergies ».</summary>
    public const string IpsAbsentUnknown = "http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips";

    public const string Atc = "http://www.whocc.no/atc";
    public const string Ucum = "http://unitsofmeasure.org";
    private const string Snomed = "http://snomed.info/sct";
    private const string AllergyClinical = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical";
    private const string AllergyVerification = "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification";
    private const string ConditionClinical = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    private const string ConditionVerification = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
    private const string ConditionCategory = "http://terminology.hl7.org/CodeSystem/condition-category";

    /// <summary>A line of the problem list: its CIM-10 code, onset, resolution, and a clinician's confirmed statement.</summary>
    internal static Item Condition(Problem problem, FhirRefs refs)
    {
        var url = FhirSummary.Claim(new Condition
        {
            ClinicalStatus = new CodeableConcept(ConditionClinical, problem.Status == ProblemStatus.Resolved ? "resolved" : "active"),
            VerificationStatus = new CodeableConcept(ConditionVerification, "confirmed"),
            Category = [new CodeableConcept(ConditionCategory, "problem-list-item")],
            Code = new CodeableConcept(FhirSummary.Icd10, problem.Code, problem.Label, problem.Label),
            Subject = refs.Patient,
            Onset = problem.OnsetOn is { } onset ? new FhirDateTime(Iso(onset)) : null,
            Abatement = problem.ResolvedOn is { } resolved ? new FhirDateTime(Iso(resolved)) : null,
            RecordedDate = problem.RecordedAt.ToString("o"),
        }, problem.Id, out var condition);
        var since = problem.OnsetOn is { } on ? $", depuis le {Fr.Date(on)}" : "";
        return new(url, condition, $"{problem.Code} {problem.Label} ({Problem.StatusLabel(problem.Status)}{since})");
    }

    /// <summary>A diagnosis of a signed consultation that is not on the problem list: what was diagnosed that day.</summary>
    internal static Item Condition(ClinicalEntry entry, Diagnosis diagnosis, string encounterUrl, FhirRefs refs)
    {
        var url = FhirSummary.Claim(new Condition
        {
            VerificationStatus = new CodeableConcept(ConditionVerification, "confirmed"),
            Category = [new CodeableConcept(ConditionCategory, "encounter-diagnosis")],
            Code = new CodeableConcept(FhirSummary.Icd10, diagnosis.Code, diagnosis.Label, diagnosis.Label),
            Subject = refs.Patient,
            Encounter = new ResourceReference(encounterUrl),
            RecordedDate = entry.OccurredAt.ToString("o"),
        }, entry.Id, out var condition, diagnosis.Code);
        return new(url, condition, $"{diagnosis.Code} {diagnosis.Label} (consultation du {Fr.DateTime(entry.OccurredAt)})");
    }

    /// <summary>
    /// The medicines: one MedicationRequest per line of every signed prescription that no later version supersedes, and
    /// one MedicationStatement per line of the current treatment (<see cref="ActiveTreatment"/>) based on it.
    /// </summary>
    internal static IEnumerable<Item> Medications(IReadOnlyList<Prescription> prescriptions, FhirRefs refs)
    {
        var today = DateOnly.FromDateTime(Fr.Local(refs.Now));
        var active = ActiveTreatment.Of(prescriptions, today).Select(a => a.Line).ToHashSet();
        var superseded = prescriptions.Where(p => p.IsSigned && p.ReplacesId is not null).Select(p => p.ReplacesId!.Value).ToHashSet();
        var statements = new List<Item>();
        foreach (var prescription in prescriptions.Where(p => p.IsSigned && !superseded.Contains(p.Id)).OrderByDescending(p => p.SignedAt))
        {
            for (var index = 0; index < prescription.Lines.Count; index++)
            {
                var line = prescription.Lines[index];
                var part = index.ToString(CultureInfo.InvariantCulture);
                var isActive = active.Contains(line);
                var requestUrl = FhirSummary.Claim(new MedicationRequest
                {
                    Status = isActive ? MedicationRequest.MedicationrequestStatus.Active : MedicationRequest.MedicationrequestStatus.Completed,
                    Intent = MedicationRequest.MedicationRequestIntent.Order,
                    Medication = Medicine(line),
                    Subject = refs.Patient,
                    AuthoredOn = prescription.SignedAt?.ToString("o"),
                    Requester = new ResourceReference { Display = prescription.PrescriberName },
                    DosageInstruction = [Dosage(line)],
                }, prescription.Id, out var request, part);
                yield return new(requestUrl, request, $"Prescrit le {Fr.DateTime(prescription.SignedAt!.Value)} par {prescription.PrescriberName} : {line.Describe()}");
                if (isActive)
                {
                    var statementUrl = FhirSummary.Claim(new MedicationStatement
                    {
                        Status = MedicationStatement.MedicationStatusCodes.Active,
                        Medication = Medicine(line),
                        Subject = refs.Patient,
                        Effective = new Period { Start = Iso(line.Start), End = Iso(line.End) },
                        DateAsserted = refs.Now.ToString("o"),
                        InformationSource = refs.Organization,
                        BasedOn = [new ResourceReference(requestUrl)],
                        Dosage = [Dosage(line)],
                    }, prescription.Id, out var statement, part);
                    statements.Add(new(statementUrl, statement, $"Traitement en cours : {line.Describe()}"));
                }
            }
        }
        foreach (var statement in statements)
        {
            yield return statement;
        }
    }

    /// <summary>A line written in a consultation before the prescription module: free text, never coded.</summary>
    internal static Item ConsultationRequest(ClinicalEntry entry, ConsultationLine line, int index, string encounterUrl, FhirRefs refs)
    {
        var url = FhirSummary.Claim(new MedicationRequest
        {
            Status = entry.OccurredAt >= refs.Now.AddMonths(-3) ? MedicationRequest.MedicationrequestStatus.Active : MedicationRequest.MedicationrequestStatus.Unknown,
            Intent = MedicationRequest.MedicationRequestIntent.Order,
            Medication = new CodeableConcept { Text = line.Text },
            Subject = refs.Patient,
            Encounter = new ResourceReference(encounterUrl),
            AuthoredOn = entry.OccurredAt.ToString("o"),
            DosageInstruction = string.IsNullOrWhiteSpace(line.Dosage) && string.IsNullOrWhiteSpace(line.Duration)
                ? []
                : [new Dosage { Text = $"{line.Dosage} {(line.Duration is null ? "" : "pendant " + line.Duration)}".Trim() }],
        }, entry.Id, out var request, index.ToString(CultureInfo.InvariantCulture));
        return new(url, request, $"Prescrit en consultation le {Fr.DateTime(entry.OccurredAt)} : {line.Text} {line.Dosage}".Trim());
    }

    /// <summary>The product by its CIS code (a demo code under the demo system), or the free text of a line outside the referential.</summary>
    private static CodeableConcept Medicine(TreatmentLine line) => line.Cis is { } cis
        ? new CodeableConcept(cis.StartsWith(Drug.DemoCisPrefix, StringComparison.Ordinal) ? DemoCis : AnsmCis, cis, line.DrugName, line.DrugName)
        : new CodeableConcept { Text = $"{line.DrugName} (hors référentiel)" };

    private static Dosage Dosage(TreatmentLine line) => new()
    {
        Text = line.Describe(),
        Timing = new Timing { Repeat = new Timing.RepeatComponent { Bounds = new Period { Start = Iso(line.Start), End = Iso(line.End) } } },
        AsNeeded = line.AsNeeded ? new FhirBoolean(true) : null,
        DoseAndRate = [new Dosage.DoseAndRateComponent { Dose = new Quantity { Value = line.Dose, Unit = line.DoseUnit } }],
    };

    /// <summary>
    /// The allergy record as IPS AllergyIntolerance resources: one per allergy not entered in error (the substance coded
    /// with the ANSM's substance code when it is a drug, criticality from the severity), or one saying « no known
    /// allergies » or « no information about allergies » in the IPS's own codes, so that unknown never reads as none.
    /// </summary>
    internal static IEnumerable<Item> Allergies(DomainPatient patient, FhirRefs refs)
    {
        var record = patient.Allergies;
        if (record.State != AllergyState.Listed)
        {
            var noneKnown = record.State == AllergyState.NoneKnown;
            var (code, display) = noneKnown ? ("no-known-allergies", "No known allergies") : ("no-allergy-info", "No information about allergies");
            var url = FhirSummary.Claim(new AllergyIntolerance
            {
                ClinicalStatus = new CodeableConcept(AllergyClinical, "active"),
                // « Aucune allergie connue » is a clinician's statement; « non renseignées » asserts nothing.
                VerificationStatus = noneKnown ? new CodeableConcept(AllergyVerification, "confirmed") : null,
                Code = new CodeableConcept(IpsAbsentUnknown, code, display, display),
                Patient = refs.Patient,
                RecordedDate = record.NoneKnownStatedAt?.ToString("o"),
            }, patient.Id, out var statement, code);
            yield return new(url, statement, noneKnown
                ? $"Aucune allergie connue (déclaré par {record.NoneKnownStatedBy} le {Fr.DateTime(record.NoneKnownStatedAt!.Value)})"
                : "Allergies non renseignées");
        }
        foreach (var allergy in record.Entries.Where(e => e.WithdrawalReason != AllergyWithdrawal.Erroneous))
        {
            var url = FhirSummary.Claim(new AllergyIntolerance
            {
                ClinicalStatus = new CodeableConcept(AllergyClinical, allergy.IsActive ? "active" : "resolved"),
                VerificationStatus = new CodeableConcept(AllergyVerification, "confirmed"),
                Type = AllergyIntolerance.AllergyIntoleranceType.Allergy,
                Category = allergy.Kind switch
                {
                    AllergenKind.Drug => [AllergyIntolerance.AllergyIntoleranceCategory.Medication],
                    AllergenKind.Food => [AllergyIntolerance.AllergyIntoleranceCategory.Food],
                    AllergenKind.Latex => [AllergyIntolerance.AllergyIntoleranceCategory.Environment],
                    _ => [],
                },
                Criticality = allergy.Severity switch
                {
                    AllergySeverity.Severe => AllergyIntolerance.AllergyIntoleranceCriticality.High,
                    AllergySeverity.Unknown => AllergyIntolerance.AllergyIntoleranceCriticality.UnableToAssess,
                    _ => AllergyIntolerance.AllergyIntoleranceCriticality.Low,
                },
                Code = allergy.SubstanceCode is { } substance
                    ? new CodeableConcept(AnsmSubstance, substance, allergy.Substance, allergy.Substance)
                    : new CodeableConcept { Text = allergy.Substance },
                Patient = refs.Patient,
                RecordedDate = allergy.RecordedAt.ToString("o"),
                Reaction = allergy.Reaction == AllergyRecord.UnspecifiedReaction ? [] :
                [
                    new AllergyIntolerance.ReactionComponent
                    {
                        Manifestation = [new CodeableConcept { Text = allergy.Reaction }],
                        Severity = allergy.Severity switch
                        {
                            AllergySeverity.Mild => AllergyIntolerance.AllergyIntoleranceSeverity.Mild,
                            AllergySeverity.Moderate => AllergyIntolerance.AllergyIntoleranceSeverity.Moderate,
                            AllergySeverity.Severe => AllergyIntolerance.AllergyIntoleranceSeverity.Severe,
                            _ => null,
                        },
                    },
                ],
            }, patient.Id, out var intolerance, allergy.Number.ToString(CultureInfo.InvariantCulture));
            yield return new(url, intolerance,
                $"{allergy.Substance} ({allergy.Kind.Label()}) : {allergy.Reaction}, {allergy.Severity.Label()}{(allergy.IsActive ? "" : ", résolue")}");
        }
    }

    /// <summary>A dose given in the unit, with its lot (traceability) and its number in the series.</summary>
    internal static Item Immunization(Vaccination dose, FhirRefs refs)
    {
        var label = Vaccination.Label(dose.Vaccine);
        var url = FhirSummary.Claim(new Immunization
        {
            Status = Hl7.Fhir.Model.Immunization.ImmunizationStatusCodes.Completed,
            VaccineCode = new CodeableConcept(Atc, AtcOf(dose.Vaccine), null, label),
            Patient = refs.Patient,
            Occurrence = new FhirDateTime(Iso(dose.GivenOn)),
            Recorded = dose.RecordedAt.ToString("o"),
            PrimarySource = true,
            LotNumber = dose.Lot,
            Site = new CodeableConcept { Text = Vaccination.Label(dose.Site) },
            Performer = [new Hl7.Fhir.Model.Immunization.PerformerComponent { Actor = refs.Organization }],
            ProtocolApplied = [new Hl7.Fhir.Model.Immunization.ProtocolAppliedComponent { DoseNumber = new PositiveInt(dose.DoseNumber) }],
        }, dose.Id, out var immunization);
        return new(url, immunization, $"{label}, dose {dose.DoseNumber}, le {Fr.Date(dose.GivenOn)} (lot {dose.Lot})");
    }

    /// <summary>The WHO's ATC class of each vaccine the unit gives.</summary>
    private static string AtcOf(Vaccine vaccine) => vaccine switch
    {
        Vaccine.Dtp => "J07CA01",
        Vaccine.DtpPertussis => "J07CA02",
        Vaccine.HepatitisB => "J07BC01",
        Vaccine.Mmr => "J07BD52",
        Vaccine.Pneumococcal => "J07AL",
        Vaccine.Influenza => "J07BB",
        Vaccine.Covid19 => "J07BX03",
        _ => "J07BM",
    };

    /// <summary>A result: its value with the unit (UCUM when we recognise it) and reference range, or its reading, or its report.</summary>
    internal static Item Observation(TestOrder order, TestResult result, FhirRefs refs)
    {
        var observation = new Observation
        {
            Status = ObservationStatus.Final,
            Category = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/observation-category", order.Exam switch
            {
                Exam.ChestXray => "imaging",
                Exam.Ecg => "procedure",
                _ => "laboratory",
            })],
            Code = new CodeableConcept { Text = order.Name },
            Subject = refs.Patient,
            Effective = new FhirDateTime(Iso(result.ResultOn)),
            Issued = result.EnteredAt,
            Performer = [refs.Organization],
            ReferenceRange = result.ReferenceRange is { } range ? [new Observation.ReferenceRangeComponent { Text = range }] : [],
        };
        string reading;
        if (result.Value is { } value)
        {
            var ucum = UcumOf(result.Unit!);
            observation.Value = new Quantity { Value = value, Unit = result.Unit, System = ucum is null ? null : Ucum, Code = ucum };
            reading = $"{value.ToString("0.####", Fr.Culture)} {result.Unit}";
        }
        else if (result.Qualitative is { } qualitative)
        {
            var (code, display) = qualitative switch
            {
                QualitativeResult.Positive => ("10828004", "Positive"),
                QualitativeResult.Negative => ("260385009", "Negative"),
                _ => ("82334004", "Indeterminate"),
            };
            observation.Value = new CodeableConcept(Snomed, code, display, TestOrder.Label(qualitative));
            reading = TestOrder.Label(qualitative);
        }
        else
        {
            observation.Value = new FhirString(result.Text);
            reading = result.Text!;
        }
        if (observation.Value is not FhirString && result.Text is { } text)
        {
            observation.Note = [new Annotation { Text = new Markdown(text) }];
        }
        var url = FhirSummary.Claim<Observation>(observation, order.Id, out _);
        var normal = result.ReferenceRange is { } r ? $" (normales : {r})" : "";
        return new(url, observation, $"{order.Name} du {Fr.Date(result.ResultOn)} : {reading}{normal}");
    }

    /// <summary>The UCUM code of the units French laboratories print, or null: then the unit leaves as printed, without a system.</summary>
    private static string? UcumOf(string unit) => unit.Trim() switch
    {
        "g/L" or "g/l" => "g/L",
        "mg/L" or "mg/l" => "mg/L",
        "µg/L" or "µg/l" => "ug/L",
        "ng/mL" or "ng/ml" => "ng/mL",
        "mmol/L" or "mmol/l" => "mmol/L",
        "µmol/L" or "µmol/l" => "umol/L",
        "UI/L" or "UI/l" => "[IU]/L",
        "mUI/L" or "mUI/l" => "m[IU]/L",
        "G/L" or "G/l" => "10*9/L",
        "T/L" or "T/l" => "10*12/L",
        "%" => "%",
        "mm/h" => "mm/h",
        "mmHg" => "mm[Hg]",
        "kg" => "kg",
        _ => null,
    };

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
