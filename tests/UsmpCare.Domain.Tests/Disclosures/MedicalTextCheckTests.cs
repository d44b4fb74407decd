using UsmpCare.Domain.Disclosures;

namespace UsmpCare.Domain.Tests.Disclosures;

/// <summary>
/// P25, P05, P32: the edges of the outgoing-text check that the corpus does not reach — found by mutation testing
/// (docs/deontology-matrix.md, « Mutation testing »).
/// </summary>
public sealed class MedicalTextCheckTests
{
    [Fact]
    public void Blank_text_finds_nothing_and_nothing_found_lets_the_text_leave()
    {
        MedicalTextCheck.Find("  ", [], [], []).Should().BeEmpty();
        MedicalTextCheck.Refusal([]).Should().BeNull();
        MedicalTextCheck.Refusal(["asthm"]).Should().Contain("asthm").And.Contain("Reformulez");
    }

    [Fact]
    public void The_preview_highlights_the_phrases_and_codes_it_refused()
    {
        MedicalTextCheck.Words("Il a des idées noires depuis mardi", [], [], []).Should().Contain("idees noires");
        MedicalTextCheck.Words("Vu pour J45.9 ce matin", [], [], []).Should().Contain("J45.9");
    }

    [Fact]
    public void A_six_letter_word_of_a_cim10_label_is_refused_and_the_injury_chapter_counts()
    {
        // « teigne » (B35): six letters, in no list but the CIM-10 labels; « asphyxie » (T71): chapter XIX only.
        MedicalTextCheck.Find("Soigné pour une teigne", [], [], []).Should().Contain(r => r.Contains("libellé CIM-10"));
        MedicalTextCheck.Find("Une asphyxie est évoquée", [], [], []).Should().Contain(r => r.Contains("libellé CIM-10"));
    }

    [Fact]
    public void A_six_letter_word_of_the_patients_own_diagnosis_is_refused()
    {
        MedicalTextCheck.Find("M. Dupont parle de son zorkin", ["Syndrome de Zorkin"], [], [])
            .Should().Contain(r => r.StartsWith("zorkin (diagnostic du patient", StringComparison.Ordinal));
    }

    [Fact]
    public void A_treatment_of_the_patient_is_named_by_its_first_word()
    {
        MedicalTextCheck.Find("Il prend du Zolmitriptan", [], [], ["Zolmitriptan 2,5 mg, comprimé"])
            .Should().Contain("zolmitriptan (traitement du patient)");
    }

    [Fact]
    public void A_place_name_names_the_establishment_not_a_short_specialty_nor_a_multi_word_one()
    {
        MedicalTextCheck.PlaceNameProblems("Centre pénitentiaire d'Orléans-Saran").Should().BeEmpty("« orl » is a whole word, not the start of Orléans");
        MedicalTextCheck.PlaceNameProblems("Maison Jeanne Garnier soins palliatifs").Should().Contain("soins palliatifs");
    }
}
