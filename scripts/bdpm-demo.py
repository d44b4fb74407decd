#!/usr/bin/env python3
"""Writes the demo drug referential (data/bdpm-demo) in the ANSM BDPM format: tab-separated, no header, Windows-1252.

Every code is a demo code: CIS 99xxxxxx (real ones start with 6), CIP7 99xxxxx, CIP13 9999990xxxxxx, substance codes
9xxxx; the holder is « DÉMONSTRATION USMPCARE ». Run it again after editing the list below."""
import os

S = {  # substance: demo code
    "PARACÉTAMOL": "90001", "IBUPROFÈNE": "90002", "AMOXICILLINE TRIHYDRATÉE": "90003", "AMOXICILLINE": "90004",
    "CLAVULANATE DE POTASSIUM": "90005", "CHLORHYDRATE DE TRAMADOL": "90006", "NICOTINE": "90007",
    "CHLORHYDRATE DE MÉTHADONE": "90008", "CHLORHYDRATE DE BUPRÉNORPHINE": "90009", "BUPRÉNORPHINE": "90010",
    "CHLORHYDRATE DE NALOXONE DIHYDRATÉ": "90011", "NALOXONE": "90012", "DIAZÉPAM": "90013", "OXAZÉPAM": "90014",
    "ALPRAZOLAM": "90015", "ZOPICLONE": "90016", "DICHLORHYDRATE D'HYDROXYZINE": "90017", "CYAMÉMAZINE": "90018",
    "LOXAPINE": "90019", "OLANZAPINE": "90020", "RISPÉRIDONE": "90021", "ARIPIPRAZOLE": "90022", "HALOPÉRIDOL": "90023",
    "SERTRALINE": "90024", "ESCITALOPRAM": "90025", "PAROXÉTINE": "90026", "MIRTAZAPINE": "90027",
    "VALPROATE DE SODIUM": "90028", "CARBONATE DE LITHIUM": "90029", "LAMOTRIGINE": "90030",
    "TÉNOFOVIR DISOPROXIL": "90031", "EMTRICITABINE": "90032", "BICTÉGRAVIR": "90033", "TÉNOFOVIR ALAFÉNAMIDE": "90034",
    "DOLUTÉGRAVIR": "90035", "SOFOSBUVIR": "90036", "VELPATASVIR": "90037", "GLÉCAPRÉVIR": "90038", "PIBRENTASVIR": "90039",
    "INSULINE GLARGINE": "90040", "INSULINE ASPARTE": "90041", "CHLORHYDRATE DE METFORMINE": "90042",
    "BÉSILATE D'AMLODIPINE": "90043", "SULFATE DE SALBUTAMOL": "90044", "OMÉPRAZOLE": "90045",
    "ANATOXINE DIPHTÉRIQUE": "90046", "ANATOXINE TÉTANIQUE": "90047", "VIRUS POLIOMYÉLITIQUE INACTIVÉ": "90048",
    "ANTIGÈNE DE SURFACE DU VIRUS DE L'HÉPATITE B": "90049", "VALPROATE DE SODIUM ET ACIDE VALPROÏQUE": "90050",
}

# name, form, route, [(element, substance, dosage, reference)], presentation
DRUGS = [
    ("DOLIPRANE 500 mg, gélule", "gélule", "orale", [("gélule", "PARACÉTAMOL", "500 mg", "une gélule")], "plaquette(s) PVC aluminium de 16 gélule(s)"),
    ("DOLIPRANE 1000 mg, comprimé", "comprimé", "orale", [("comprimé", "PARACÉTAMOL", "1000 mg", "un comprimé")], "plaquette(s) PVC aluminium de 8 comprimé(s)"),
    ("PARACETAMOL DEMO 500 mg, comprimé", "comprimé", "orale", [("comprimé", "PARACÉTAMOL", "500 mg", "un comprimé")], "plaquette(s) de 16 comprimé(s)"),
    ("IBUPROFENE DEMO 400 mg, comprimé pelliculé", "comprimé pelliculé", "orale", [("comprimé", "IBUPROFÈNE", "400 mg", "un comprimé")], "plaquette(s) de 30 comprimé(s)"),
    ("AMOXICILLINE DEMO 1 g, comprimé dispersible", "comprimé dispersible", "orale", [("comprimé", "AMOXICILLINE TRIHYDRATÉE", "1,148 g", "un comprimé"), ("comprimé", "AMOXICILLINE", "1 g", "un comprimé")], "plaquette(s) de 6 comprimé(s)"),
    ("AMOXICILLINE/ACIDE CLAVULANIQUE DEMO 1 g/125 mg, poudre pour suspension buvable en sachet-dose", "poudre pour suspension buvable en sachet-dose", "orale", [("poudre", "AMOXICILLINE TRIHYDRATÉE", "1 g", "un sachet-dose"), ("poudre", "CLAVULANATE DE POTASSIUM", "125 mg", "un sachet-dose")], "12 sachet(s)-dose(s)"),
    ("TRAMADOL DEMO 50 mg, gélule", "gélule", "orale", [("gélule", "CHLORHYDRATE DE TRAMADOL", "50 mg", "une gélule")], "plaquette(s) de 30 gélule(s)"),
    ("NICOPATCHLIB 21 mg/24 h, dispositif transdermique", "dispositif transdermique", "transdermique", [("dispositif", "NICOTINE", "52,5 mg", "un dispositif")], "28 sachet(s) de 1 dispositif(s)"),
    ("NICOPATCHLIB 14 mg/24 h, dispositif transdermique", "dispositif transdermique", "transdermique", [("dispositif", "NICOTINE", "35 mg", "un dispositif")], "28 sachet(s) de 1 dispositif(s)"),
    ("METHADONE AP-HP 20 mg, sirop en récipient unidose", "sirop", "orale", [("sirop", "CHLORHYDRATE DE MÉTHADONE", "20 mg", "un récipient unidose")], "7 récipient(s) unidose(s) de 15 ml"),
    ("METHADONE AP-HP 40 mg, sirop en récipient unidose", "sirop", "orale", [("sirop", "CHLORHYDRATE DE MÉTHADONE", "40 mg", "un récipient unidose")], "7 récipient(s) unidose(s) de 15 ml"),
    ("METHADONE AP-HP 40 mg, gélule", "gélule", "orale", [("gélule", "CHLORHYDRATE DE MÉTHADONE", "40 mg", "une gélule")], "plaquette(s) thermoformée(s) de 7 gélule(s)"),
    ("SUBUTEX 8 mg, comprimé sublingual", "comprimé sublingual", "sublinguale", [("comprimé", "CHLORHYDRATE DE BUPRÉNORPHINE", "8,64 mg", "un comprimé"), ("comprimé", "BUPRÉNORPHINE", "8 mg", "un comprimé")], "plaquette(s) de 7 comprimé(s)"),
    ("SUBUTEX 2 mg, comprimé sublingual", "comprimé sublingual", "sublinguale", [("comprimé", "CHLORHYDRATE DE BUPRÉNORPHINE", "2,16 mg", "un comprimé"), ("comprimé", "BUPRÉNORPHINE", "2 mg", "un comprimé")], "plaquette(s) de 7 comprimé(s)"),
    ("BUPRENORPHINE DEMO 8 mg, comprimé sublingual", "comprimé sublingual", "sublinguale", [("comprimé", "CHLORHYDRATE DE BUPRÉNORPHINE", "8,64 mg", "un comprimé"), ("comprimé", "BUPRÉNORPHINE", "8 mg", "un comprimé")], "plaquette(s) de 7 comprimé(s)"),
    ("SUBOXONE 8 mg/2 mg, comprimé sublingual", "comprimé sublingual", "sublinguale", [("comprimé", "CHLORHYDRATE DE BUPRÉNORPHINE", "8,64 mg", "un comprimé"), ("comprimé", "BUPRÉNORPHINE", "8 mg", "un comprimé"), ("comprimé", "CHLORHYDRATE DE NALOXONE DIHYDRATÉ", "2,44 mg", "un comprimé"), ("comprimé", "NALOXONE", "2 mg", "un comprimé")], "plaquette(s) de 7 comprimé(s)"),
    ("NYXOID 1,8 mg, solution pour pulvérisation nasale en récipient unidose", "solution pour pulvérisation nasale", "nasale", [("solution", "CHLORHYDRATE DE NALOXONE DIHYDRATÉ", "2 mg", "une pulvérisation"), ("solution", "NALOXONE", "1,8 mg", "une pulvérisation")], "2 récipient(s) unidose(s)"),
    ("VALIUM 10 mg, comprimé sécable", "comprimé sécable", "orale", [("comprimé", "DIAZÉPAM", "10 mg", "un comprimé")], "plaquette(s) de 30 comprimé(s)"),
    ("SERESTA 10 mg, comprimé", "comprimé", "orale", [("comprimé", "OXAZÉPAM", "10 mg", "un comprimé")], "plaquette(s) de 30 comprimé(s)"),
    ("SERESTA 50 mg, comprimé sécable", "comprimé sécable", "orale", [("comprimé", "OXAZÉPAM", "50 mg", "un comprimé")], "plaquette(s) de 20 comprimé(s)"),
    ("XANAX 0,25 mg, comprimé sécable", "comprimé sécable", "orale", [("comprimé", "ALPRAZOLAM", "0,25 mg", "un comprimé")], "plaquette(s) de 30 comprimé(s)"),
    ("ZOPICLONE DEMO 7,5 mg, comprimé pelliculé sécable", "comprimé pelliculé sécable", "orale", [("comprimé", "ZOPICLONE", "7,5 mg", "un comprimé")], "plaquette(s) de 14 comprimé(s)"),
    ("ATARAX 25 mg, comprimé pelliculé sécable", "comprimé pelliculé sécable", "orale", [("comprimé", "DICHLORHYDRATE D'HYDROXYZINE", "25 mg", "un comprimé")], "plaquette(s) de 30 comprimé(s)"),
    ("TERCIAN 25 mg, comprimé pelliculé sécable", "comprimé pelliculé sécable", "orale", [("comprimé", "CYAMÉMAZINE", "25 mg", "un comprimé")], "plaquette(s) de 30 comprimé(s)"),
    ("TERCIAN 40 mg/ml, solution buvable", "solution buvable", "orale", [("solution", "CYAMÉMAZINE", "40 mg", "1 ml")], "1 flacon(s) de 30 ml avec pipette"),
    ("LOXAPAC 25 mg/ml, solution buvable", "solution buvable", "orale", [("solution", "LOXAPINE", "25 mg", "1 ml")], "1 flacon(s) de 30 ml"),
    ("ZYPREXA 10 mg, comprimé enrobé", "comprimé enrobé", "orale", [("comprimé", "OLANZAPINE", "10 mg", "un comprimé")], "plaquette(s) de 28 comprimé(s)"),
    ("RISPERDAL 2 mg, comprimé pelliculé sécable", "comprimé pelliculé sécable", "orale", [("comprimé", "RISPÉRIDONE", "2 mg", "un comprimé")], "plaquette(s) de 60 comprimé(s)"),
    ("ABILIFY 10 mg, comprimé", "comprimé", "orale", [("comprimé", "ARIPIPRAZOLE", "10 mg", "un comprimé")], "plaquette(s) de 28 comprimé(s)"),
    ("HALDOL 2 mg/ml, solution buvable", "solution buvable", "orale", [("solution", "HALOPÉRIDOL", "2 mg", "1 ml")], "1 flacon(s) de 15 ml"),
    ("ZOLOFT 50 mg, gélule", "gélule", "orale", [("gélule", "SERTRALINE", "50 mg", "une gélule")], "plaquette(s) de 28 gélule(s)"),
    ("SEROPLEX 10 mg, comprimé pelliculé sécable", "comprimé pelliculé sécable", "orale", [("comprimé", "ESCITALOPRAM", "10 mg", "un comprimé")], "plaquette(s) de 28 comprimé(s)"),
    ("DEROXAT 20 mg, comprimé pelliculé sécable", "comprimé pelliculé sécable", "orale", [("comprimé", "PAROXÉTINE", "20 mg", "un comprimé")], "plaquette(s) de 14 comprimé(s)"),
    ("NORSET 15 mg, comprimé pelliculé", "comprimé pelliculé", "orale", [("comprimé", "MIRTAZAPINE", "15 mg", "un comprimé")], "plaquette(s) de 30 comprimé(s)"),
    ("DEPAKINE CHRONO 500 mg, comprimé pelliculé sécable à libération prolongée", "comprimé pelliculé sécable à libération prolongée", "orale", [("comprimé", "VALPROATE DE SODIUM", "333 mg", "un comprimé"), ("comprimé", "VALPROATE DE SODIUM ET ACIDE VALPROÏQUE", "500 mg", "un comprimé")], "pilulier(s) de 30 comprimé(s)"),
    ("TERALITHE 250 mg, comprimé sécable", "comprimé sécable", "orale", [("comprimé", "CARBONATE DE LITHIUM", "250 mg", "un comprimé")], "1 flacon(s) de 100 comprimé(s)"),
    ("LAMICTAL 100 mg, comprimé dispersible ou à croquer", "comprimé dispersible ou à croquer", "orale", [("comprimé", "LAMOTRIGINE", "100 mg", "un comprimé")], "plaquette(s) de 30 comprimé(s)"),
    ("TRUVADA 200 mg/245 mg, comprimé pelliculé", "comprimé pelliculé", "orale", [("comprimé", "EMTRICITABINE", "200 mg", "un comprimé"), ("comprimé", "TÉNOFOVIR DISOPROXIL", "245 mg", "un comprimé")], "1 flacon(s) de 30 comprimé(s)"),
    ("BIKTARVY 50 mg/200 mg/25 mg, comprimé pelliculé", "comprimé pelliculé", "orale", [("comprimé", "BICTÉGRAVIR", "50 mg", "un comprimé"), ("comprimé", "EMTRICITABINE", "200 mg", "un comprimé"), ("comprimé", "TÉNOFOVIR ALAFÉNAMIDE", "25 mg", "un comprimé")], "1 flacon(s) de 30 comprimé(s)"),
    ("TIVICAY 50 mg, comprimé pelliculé", "comprimé pelliculé", "orale", [("comprimé", "DOLUTÉGRAVIR", "50 mg", "un comprimé")], "1 flacon(s) de 30 comprimé(s)"),
    ("EPCLUSA 400 mg/100 mg, comprimé pelliculé", "comprimé pelliculé", "orale", [("comprimé", "SOFOSBUVIR", "400 mg", "un comprimé"), ("comprimé", "VELPATASVIR", "100 mg", "un comprimé")], "1 flacon(s) de 28 comprimé(s)"),
    ("MAVIRET 100 mg/40 mg, comprimé pelliculé", "comprimé pelliculé", "orale", [("comprimé", "GLÉCAPRÉVIR", "100 mg", "un comprimé"), ("comprimé", "PIBRENTASVIR", "40 mg", "un comprimé")], "4 boîte(s) de 21 comprimé(s)"),
    ("LANTUS 100 unités/ml, solution injectable en stylo prérempli", "solution injectable", "sous-cutanée", [("solution", "INSULINE GLARGINE", "100 unités", "1 ml")], "5 stylo(s) prérempli(s) de 3 ml"),
    ("NOVORAPID FLEXPEN 100 U/ml, solution injectable en stylo prérempli", "solution injectable", "sous-cutanée;intraveineuse", [("solution", "INSULINE ASPARTE", "100 U", "1 ml")], "5 stylo(s) prérempli(s) de 3 ml"),
    ("METFORMINE DEMO 1000 mg, comprimé pelliculé sécable", "comprimé pelliculé sécable", "orale", [("comprimé", "CHLORHYDRATE DE METFORMINE", "1000 mg", "un comprimé")], "plaquette(s) de 90 comprimé(s)"),
    ("AMLODIPINE DEMO 5 mg, gélule", "gélule", "orale", [("gélule", "BÉSILATE D'AMLODIPINE", "6,94 mg", "une gélule")], "plaquette(s) de 30 gélule(s)"),
    ("VENTOLINE 100 microgrammes/dose, suspension pour inhalation en flacon pressurisé", "suspension pour inhalation", "inhalée", [("suspension", "SULFATE DE SALBUTAMOL", "100 microgrammes", "une dose")], "1 flacon(s) pressurisé(s) de 200 doses"),
    ("OMEPRAZOLE DEMO 20 mg, gélule gastro-résistante", "gélule gastro-résistante", "orale", [("gélule", "OMÉPRAZOLE", "20 mg", "une gélule")], "plaquette(s) de 28 gélule(s)"),
    ("REVAXIS, suspension injectable en seringue préremplie", "suspension injectable", "intramusculaire", [("suspension", "ANATOXINE DIPHTÉRIQUE", "2 UI", "0,5 ml"), ("suspension", "ANATOXINE TÉTANIQUE", "20 UI", "0,5 ml"), ("suspension", "VIRUS POLIOMYÉLITIQUE INACTIVÉ", "40 unités D", "0,5 ml")], "1 seringue(s) préremplie(s) de 0,5 ml"),
    ("ENGERIX B 20 microgrammes/1 ml, suspension injectable en seringue préremplie", "suspension injectable", "intramusculaire", [("suspension", "ANTIGÈNE DE SURFACE DU VIRUS DE L'HÉPATITE B", "20 microgrammes", "1 ml")], "1 seringue(s) préremplie(s) de 1 ml"),
]

def main():
    out = os.path.join(os.path.dirname(__file__), "..", "data", "bdpm-demo")
    spec, compo, cip = [], [], []
    for i, (name, form, route, subs, box) in enumerate(DRUGS, start=1):
        cis = f"99{i:06d}"
        spec.append([cis, name, form, route, "Autorisation active", "Procédure nationale", "Commercialisée",
                     "01/01/2020", "", "", " DÉMONSTRATION USMPCARE", "Non"])
        for element, substance, dosage, ref in subs:
            nature = "FT" if substance in ("AMOXICILLINE", "BUPRÉNORPHINE", "NALOXONE", "VALPROATE DE SODIUM ET ACIDE VALPROÏQUE") else "SA"
            compo.append([cis, element, S[substance], substance, dosage, ref, nature, "1", ""])
        cip.append([cis, f"99{i:05d}", box, "Présentation active", "Déclaration de commercialisation", "01/01/2020",
                    f"9999990{i:06d}", "oui", "65%", "", "", "", ""])
    for file, rows in (("CIS_bdpm.txt", spec), ("CIS_COMPO_bdpm.txt", compo), ("CIS_CIP_bdpm.txt", cip)):
        with open(os.path.join(out, file), "w", encoding="cp1252", newline="") as f:
            f.write("".join("\t".join(r) + "\r\n" for r in rows))

main()
