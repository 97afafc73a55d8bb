"""Writes the two fictional sample mappings of ORP Horní Lhota (2025 and 2026).

FICTIONAL DATA. Horní Lhota, its actors, people and contacts are made up; any
likeness to a real organisation is an accident. The two folders this script
writes are committed; run it again only to change the sample on purpose:

    python datasets/tools/build_horni_lhota.py

The files are written the way a networker's Excel saves "CSV (oddělený
středníkem)" with UTF-8: ``;`` delimiter, UTF-8 with BOM, CRLF line ends,
Czech headers and vocabulary labels, decimal commas, dates ``d.m.yyyy``.

The 2025 mapping has the weaknesses ``datasets/README.md`` lists (isolated
paediatricians, no school ↔ social-service tie, one OSPOD as the only bridge
between the school cluster, the courts, health care and the social services,
sector-closed and peripheral actors, two need × level cells nobody covers).
The 2026 mapping is the same ORP a year later (actors added, removed, one
renumbered; links gained, lost, reweighted).
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent

ACTOR_HEADER = ["id", "název", "sektor", "typ", "obec", "orp", "kraj", "potřeby", "úrovně",
                "kontakt", "poznámka"]
LINK_HEADER = ["od", "komu", "typ", "váha", "datum", "uvedl", "poznámka"]
MEETING_HEADER = ["setkání", "aktér", "datum", "název"]
RESPONDENT_HEADER = ["aktér", "odpověděl", "datum", "způsob", "poznámka"]

ORP = "Horní Lhota"
KRAJ = "Kraj Vysočina"

# id, název, sektor, typ, obec, potřeby, úrovně, kontakt, poznámka
ACTORS_2025: list[tuple[str, ...]] = [
    ("OSPOD", "OSPOD MěÚ Horní Lhota", "OSPOD", "orgán SPOD", "Horní Lhota",
     "bezpečí, vztahy, chování", "cílená, specializovaná",
     "Bc. Jana Vzorová, ospod.vzorova@example.org, +420 000 000 101",
     "Jediný OSPOD v ORP; fiktivní"),
    # social services
    ("SAS-RODINA", "SAS Rodina", "sociální služby", "sociálně aktivizační služba",
     "Horní Lhota", "vztahy, materiální zajištění, učení", "cílená",
     "Mgr. Petra Ukázková, sas.rodina@example.org", ""),
    ("NZDM", "NZDM Klub Pod mostem", "sociální služby", "nízkoprahové zařízení pro děti a mládež",
     "Horní Lhota", "vztahy; chování; bezpečí", "cílená",
     "Tomáš Příkladný, klub.podmostem@example.org", ""),
    ("AZYL", "Azylový dům pro matky s dětmi Přístav", "sociální služby", "azylový dům",
     "Dolní Lhota", "bezpečí, materiální zajištění", "cílená",
     "Mgr. Alena Fiktivní, prijem.pristav@example.org", ""),
    ("PORADNA", "Občanská poradna Horní Lhota", "sociální služby",
     "odborné sociální poradenství", "Horní Lhota", "materiální zajištění", "cílená",
     "", ""),
    ("DLUHY", "Dluhová poradna Horní Lhota", "sociální služby", "odborné sociální poradenství",
     "Horní Lhota", "materiální zajištění", "cílená", "", ""),
    ("RANA-PECE", "Raná péče Sedmikráska", "sociální služby", "raná péče", "Horní Lhota",
     "zdraví | učení | vztahy", "cílená", "info.sedmikraska@example.org", ""),
    ("TERENNI", "Terénní programy Horní Lhota", "sociální služby", "terénní programy", "Vrbice",
     "materiální zajištění, bezpečí", "cílená", "Karel Smyšlený, +420 000 000 102", ""),
    ("KRIZ", "Krizová pomoc Horní Lhota", "sociální služby", "krizová pomoc", "Horní Lhota",
     "bezpečí, vztahy", "cílená", "", "Financování jen do konce roku 2025"),
    # schools
    ("ZS-KOM", "ZŠ Komenského", "školství", "ZŠ", "Horní Lhota", "učení", "všeobecná",
     "reditel.komenskeho@example.org", ""),
    ("SKOL-POR", "Školní poradenské pracoviště ZŠ Komenského", "školství",
     "výchovný poradce a metodik prevence", "Horní Lhota", "učení, vztahy", "cílená", "", ""),
    ("ZS-MAS", "ZŠ Masarykova", "školství", "ZŠ", "Horní Lhota", "učení", "všeobecná", "", ""),
    ("ZS-DL", "ZŠ a MŠ Dolní Lhota", "školství", "ZŠ", "Dolní Lhota", "učení", "všeobecná",
     "", ""),
    ("ZS-VRB", "ZŠ Vrbice", "školství", "ZŠ", "Vrbice", "učení", "všeobecná", "", ""),
    ("ZS-ZAL", "ZŠ Zálesí", "školství", "ZŠ", "Zálesí", "učení", "všeobecná", "", ""),
    ("ZS-SPEC", "ZŠ speciální Horní Lhota", "školství", "ZŠ speciální", "Horní Lhota",
     "učení, chování", "cílená", "", ""),
    ("MS-SLU", "MŠ Sluníčko", "školství", "MŠ", "Horní Lhota", "učení, vztahy", "všeobecná",
     "ms.slunicko@example.org", ""),
    ("MS-KOP", "MŠ Kopretina", "školství", "MŠ", "Horní Lhota", "učení", "všeobecná", "", ""),
    ("MS-VRB", "MŠ Vrbice", "školství", "MŠ", "Vrbice", "učení", "všeobecná", "", ""),
    ("MS-ZAL", "MŠ Zálesí", "školství", "MŠ", "Zálesí", "učení", "všeobecná", "", ""),
    ("GYM", "Gymnázium Horní Lhota", "školství", "SŠ", "Horní Lhota", "učení", "všeobecná",
     "", ""),
    ("SOU", "SOU technické Horní Lhota", "školství", "SŠ", "Horní Lhota", "učení", "všeobecná",
     "", ""),
    # school counselling
    ("PPP", "PPP Horní Lhota", "školská poradenská zařízení", "PPP", "Horní Lhota",
     "učení, chování, vztahy", "cílená", "Mgr. Eva Modelová, ppp.lhota@example.org", ""),
    ("SPC", "SPC Horní Lhota", "školská poradenská zařízení", "SPC", "Horní Lhota",
     "učení, zdraví", "specializovaná", "", ""),
    ("SVP", "SVP Horní Lhota", "školská poradenská zařízení", "SVP", "Horní Lhota", "chování",
     "specializovaná", "", ""),
    # health
    ("PLDD-NOVAK", "MUDr. Alena Nováková – praktický lékař pro děti a dorost", "zdravotnictví",
     "PLDD", "Horní Lhota", "zdraví", "všeobecná", "sestra Ivana Testová, +420 000 000 103",
     ""),
    ("PLDD-DVORAK", "MUDr. Petr Dvořák – praktický lékař pro děti a dorost", "zdravotnictví",
     "PLDD", "Horní Lhota", "zdraví", "všeobecná", "", "Nepřišel na žádné setkání"),
    ("PLDD-SVOB", "MUDr. Hana Svobodová – praktický lékař pro děti a dorost", "zdravotnictví",
     "PLDD", "Dolní Lhota", "zdraví", "všeobecná", "", ""),
    ("PLDD-KRAL", "MUDr. Tomáš Král – praktický lékař pro děti a dorost", "zdravotnictví",
     "PLDD", "Vrbice", "zdraví", "všeobecná", "", ""),
    ("PLDD-CERNY", "MUDr. Jiří Černý – praktický lékař pro děti a dorost", "zdravotnictví",
     "PLDD", "Zálesí", "zdraví", "všeobecná", "", ""),
    ("PSYCHOLOG", "Ambulance klinické psychologie Horní Lhota", "zdravotnictví",
     "klinický psycholog", "Horní Lhota", "zdraví, chování", "specializovaná", "", ""),
    ("PSYCHIATR", "Dětská psychiatrická ambulance Horní Lhota", "zdravotnictví",
     "dětská psychiatrie", "Horní Lhota", "zdraví, chování", "specializovaná", "", ""),
    ("LOGOPED", "Logopedická ambulance Horní Lhota", "zdravotnictví", "logoped", "Horní Lhota",
     "zdraví, učení", "cílená", "", ""),
    ("NEMOCNICE", "Nemocnice Horní Lhota – dětské oddělení", "zdravotnictví", "nemocnice",
     "Horní Lhota", "zdraví", "specializovaná", "", ""),
    # police, justice, labour office
    ("PCR", "Policie ČR OO Horní Lhota", "policie", "obvodní oddělení", "Horní Lhota", "bezpečí",
     "cílená", "npor. Jan Zkušební, +420 000 000 104", ""),
    ("MP", "Městská policie Horní Lhota", "policie", "městská policie", "Horní Lhota", "bezpečí",
     "všeobecná", "", ""),
    ("SOUD", "Okresní soud – opatrovnické oddělení pro Horní Lhotu", "justice",
     "opatrovnický soud", "Horní Lhota", "bezpečí", "specializovaná", "", ""),
    ("PMS", "PMS – středisko Horní Lhota", "justice", "Probační a mediační služba",
     "Horní Lhota", "chování", "specializovaná", "", ""),
    ("UP", "Úřad práce – kontaktní pracoviště Horní Lhota", "úřad práce", "hmotná nouze",
     "Horní Lhota", "materiální zajištění", "cílená", "", ""),
    # local government
    ("MEU-SOC", "MěÚ Horní Lhota – odbor sociálních věcí", "samospráva",
     "komunitní plánování", "Horní Lhota", "materiální zajištění", "všeobecná",
     "Ing. Marie Vymyšlená, kp@example.org", ""),
    ("MEU-SKOL", "MěÚ Horní Lhota – odbor školství", "samospráva", "zřizovatel škol",
     "Horní Lhota", "", "", "", ""),
    ("OU-VRB", "Obecní úřad Vrbice", "samospráva", "obec", "Vrbice", "", "", "", ""),
    ("OU-DL", "Obecní úřad Dolní Lhota", "samospráva", "obec", "Dolní Lhota", "", "", "", ""),
    ("KRAJ", "Krajský úřad – odbor sociálních věcí", "samospráva", "kraj", "Jihlava", "", "",
     "", "Metodické vedení OSPOD"),
    # community
    ("RC-KULISEK", "Rodinné centrum Kulíšek", "komunitní a rodinná centra", "rodinné centrum",
     "Horní Lhota", "vztahy, učení", "všeobecná", "kulisek@example.org", ""),
    ("KC", "Komunitní centrum Na Náměstí", "komunitní a rodinná centra", "komunitní centrum",
     "Horní Lhota", "vztahy, materiální zajištění", "všeobecná", "", ""),
    ("DDM", "DDM Horní Lhota", "komunitní a rodinná centra", "DDM", "Horní Lhota",
     "učení, vztahy", "všeobecná", "", ""),
    ("FARNOST", "Římskokatolická farnost Horní Lhota", "komunitní a rodinná centra", "církev",
     "Horní Lhota", "vztahy", "všeobecná", "", ""),
    # foster care
    ("NRP-NARUC", "Doprovázející organizace Náruč", "náhradní rodinná péče",
     "doprovázející organizace pro pěstouny", "Horní Lhota", "vztahy, bezpečí", "cílená",
     "Mgr. Lenka Vzorníková, naruc@example.org", ""),
    ("NRP-KLUB", "Klub pěstounských rodin Horní Lhota", "náhradní rodinná péče",
     "svépomocná skupina", "Horní Lhota", "vztahy", "všeobecná", "", ""),
    # other
    ("POMOC", "Spolek Pomocná ruka", "ostatní", "spolek", "Horní Lhota",
     "materiální zajištění", "všeobecná", "", ""),
    ("STROJIRNY", "Strojírny Horní Lhota, a. s.", "ostatní", "zaměstnavatel", "Horní Lhota",
     "materiální zajištění", "všeobecná", "", ""),
    ("DITE-RODINA", "Spolek Dítě & rodina", "ostatní", "spolek", "Horní Lhota",
     "vztahy, učení", "všeobecná", "", "Volnočasové kroužky <pro děti>"),
]

# od, komu, typ, váha, datum, uvedl, poznámka
LINKS_2025: list[tuple[str, ...]] = [
    # --- OSPOD and the social services (reciprocated and not) ---
    ("OSPOD", "SAS-RODINA", "doporučení", "24", "31.1.2025", "OSPOD", ""),
    ("OSPOD", "SAS-RODINA", "doporučení", "20", "14.2.2025", "SAS-RODINA",
     "SAS uvádí méně předaných rodin"),
    ("SAS-RODINA", "OSPOD", "informace", "12", "14.2.2025", "SAS-RODINA", ""),
    ("OSPOD", "SAS-RODINA", "setkání", "10", "31.1.2025", "OSPOD", "měsíční porada"),
    ("OSPOD", "NZDM", "informace", "4", "31.1.2025", "OSPOD", ""),
    ("NZDM", "OSPOD", "doporučení", "3", "7.2.2025", "NZDM", ""),
    ("OSPOD", "AZYL", "doporučení", "6", "31.1.2025", "OSPOD", ""),
    ("AZYL", "OSPOD", "informace", "6", "10.2.2025", "AZYL", ""),
    ("OSPOD", "PORADNA", "doporučení", "5", "31.1.2025", "OSPOD", ""),
    ("OSPOD", "RANA-PECE", "doporučení", "3,5", "31.1.2025", "OSPOD", ""),
    ("OSPOD", "TERENNI", "spolupráce", "8", "31.1.2025", "OSPOD", ""),
    ("TERENNI", "OSPOD", "spolupráce", "9", "20.2.2025", "TERENNI", ""),
    ("OSPOD", "KRIZ", "spolupráce", "4,5", "31.1.2025", "OSPOD", ""),
    ("OSPOD", "DLUHY", "doporučení", "2", "31.1.2025", "OSPOD", ""),
    ("OSPOD", "POMOC", "doporučení", "1", "31.1.2025", "OSPOD", "POMOC vazbu neuvedla"),
    ("OSPOD", "UP", "informace", "12", "31.1.2025", "OSPOD", "hmotná nouze"),
    ("UP", "OSPOD", "informace", "6", "3.3.2025", "UP", ""),
    ("OSPOD", "PCR", "informace", "10", "31.1.2025", "OSPOD", ""),
    ("PCR", "OSPOD", "informace", "15", "12.2.2025", "PCR", ""),
    ("MP", "OSPOD", "informace", "4", "1.3.2025", "", ""),
    ("OSPOD", "MEU-SOC", "informace", "4", "31.1.2025", "OSPOD", ""),
    ("KRAJ", "OSPOD", "informace", "2", "15.1.2025", "", "metodické vedení"),
    ("OSPOD", "RC-KULISEK", "doporučení", "1,5", "31.1.2025", "OSPOD", ""),
    ("OSPOD", "KC", "doporučení", "2", "31.1.2025", "OSPOD", ""),
    # --- OSPOD and the courts (reachable only through OSPOD) ---
    ("OSPOD", "SOUD", "informace", "18", "31.1.2025", "OSPOD", "zprávy pro soud"),
    ("SOUD", "OSPOD", "informace", "12", "31.1.2025", "OSPOD", ""),
    ("SOUD", "PMS", "spolupráce", "3", "5.3.2025", "", ""),
    ("OSPOD", "PMS", "informace", "2", "31.1.2025", "OSPOD", ""),
    # --- OSPOD and foster care ---
    ("OSPOD", "NRP-NARUC", "spolupráce", "6", "31.1.2025", "OSPOD", ""),
    ("NRP-NARUC", "OSPOD", "spolupráce", "6", "18.2.2025", "NRP-NARUC", ""),
    ("NRP-NARUC", "NRP-KLUB", "setkání", "10", "18.2.2025", "NRP-NARUC", ""),
    # --- OSPOD and health care (one paediatrician, the hospital) ---
    ("PLDD-NOVAK", "OSPOD", "informace", "1", "31.1.2025", "OSPOD",
     "lékařka dotazník nevyplnila"),
    ("NEMOCNICE", "OSPOD", "informace", "3", "31.1.2025", "OSPOD", "podezření na zanedbávání"),
    ("NEMOCNICE", "PSYCHIATR", "spolupráce", "4", "1.2.2025", "", ""),
    ("PSYCHIATR", "PSYCHOLOG", "doporučení", "6", "1.2.2025", "", ""),
    ("NEMOCNICE", "PLDD-CERNY", "informace", "2", "1.2.2025", "", "propouštěcí zprávy"),
    # --- OSPOD and the schools (no social service among the school partners) ---
    ("ZS-KOM", "OSPOD", "informace", "6", "11.2.2025", "ZS-KOM", "OSPOD vazbu neuvedl"),
    ("ZS-MAS", "OSPOD", "informace", "3", "11.2.2025", "", ""),
    ("ZS-SPEC", "OSPOD", "informace", "4", "11.2.2025", "", ""),
    ("MS-SLU", "OSPOD", "informace", "1", "11.2.2025", "", ""),
    ("OSPOD", "PPP", "doporučení", "5", "31.1.2025", "OSPOD", "PPP vazbu neuvedla"),
    ("OSPOD", "SVP", "spolupráce", "3", "31.1.2025", "OSPOD", ""),
    # --- social services, police, local government, community among themselves ---
    ("SAS-RODINA", "NZDM", "spolupráce", "4", "14.2.2025", "SAS-RODINA", ""),
    ("NZDM", "SAS-RODINA", "spolupráce", "4", "7.2.2025", "NZDM", ""),
    ("SAS-RODINA", "PORADNA", "doporučení", "6", "14.2.2025", "SAS-RODINA", ""),
    ("SAS-RODINA", "DLUHY", "doporučení", "8", "14.2.2025", "SAS-RODINA", ""),
    ("SAS-RODINA", "TERENNI", "spolupráce", "6", "14.2.2025", "SAS-RODINA", ""),
    ("TERENNI", "SAS-RODINA", "spolupráce", "5", "20.2.2025", "TERENNI", ""),
    ("RANA-PECE", "SAS-RODINA", "informace", "2", "20.2.2025", "", ""),
    ("TERENNI", "AZYL", "doporučení", "3", "20.2.2025", "TERENNI", ""),
    ("TERENNI", "AZYL", "doporučení", "2", "10.2.2025", "AZYL", ""),
    ("TERENNI", "UP", "informace", "4", "20.2.2025", "TERENNI", "ÚP vazbu neuvedl"),
    ("AZYL", "KRIZ", "spolupráce", "2", "10.2.2025", "AZYL", ""),
    ("KRIZ", "PORADNA", "doporučení", "2", "10.2.2025", "", ""),
    ("NZDM", "TERENNI", "informace", "2", "7.2.2025", "", ""),
    ("PCR", "NZDM", "informace", "2", "12.2.2025", "PCR", "NZDM vazbu neuvedlo"),
    ("MP", "PCR", "spolupráce", "20", "1.3.2025", "PCR", ""),
    ("MP", "TERENNI", "informace", "3", "1.3.2025", "", ""),
    ("MEU-SOC", "KRAJ", "informace", "4", "15.1.2025", "", ""),
    ("MEU-SOC", "OU-VRB", "informace", "2", "15.1.2025", "", ""),
    ("OU-DL", "MEU-SOC", "informace", "1", "15.1.2025", "", ""),
    ("MEU-SOC", "SAS-RODINA", "spolupráce", "2", "15.1.2025", "", "dotace"),
    ("RC-KULISEK", "KC", "spolupráce", "5", "25.2.2025", "", ""),
    ("RC-KULISEK", "RANA-PECE", "doporučení", "3", "25.2.2025", "", ""),
    ("KC", "POMOC", "doporučení", "2,5", "25.2.2025", "", ""),
    ("FARNOST", "KC", "setkání", "12", "25.2.2025", "", ""),
    ("FARNOST", "RC-KULISEK", "setkání", "4", "25.2.2025", "", ""),
    ("POMOC", "TERENNI", "spolupráce", "3", "4.3.2025", "POMOC", ""),
    ("TERENNI", "POMOC", "spolupráce", "3", "20.2.2025", "TERENNI", ""),
    ("STROJIRNY", "UP", "informace", "2", "3.3.2025", "UP", "volná místa"),
    ("UP", "DLUHY", "doporučení", "3", "3.3.2025", "UP", ""),
    # --- schools, counselling and their partners (a cluster of its own) ---
    ("ZS-KOM", "PPP", "doporučení", "15", "11.2.2025", "ZS-KOM", ""),
    ("PPP", "ZS-KOM", "informace", "12", "13.2.2025", "PPP", ""),
    ("ZS-MAS", "PPP", "doporučení", "8", "13.2.2025", "PPP", ""),
    ("ZS-DL", "PPP", "doporučení", "4", "13.2.2025", "PPP", ""),
    ("ZS-VRB", "PPP", "doporučení", "3", "13.2.2025", "PPP", ""),
    ("ZS-ZAL", "PPP", "doporučení", "2", "13.2.2025", "PPP", ""),
    ("MS-SLU", "PPP", "doporučení", "3", "13.2.2025", "PPP", ""),
    ("SKOL-POR", "PPP", "doporučení", "10", "11.2.2025", "PPP", ""),
    ("SKOL-POR", "ZS-KOM", "spolupráce", "40", "11.2.2025", "", ""),
    ("PPP", "SPC", "doporučení", "4", "13.2.2025", "PPP", ""),
    ("SPC", "ZS-SPEC", "spolupráce", "12", "13.2.2025", "", ""),
    ("PPP", "SVP", "doporučení", "3", "13.2.2025", "PPP", ""),
    ("SVP", "ZS-MAS", "spolupráce", "2", "13.2.2025", "", ""),
    ("SOU", "SVP", "spolupráce", "2", "13.2.2025", "", ""),
    ("PPP", "LOGOPED", "doporučení", "4", "13.2.2025", "PPP", ""),
    ("LOGOPED", "MS-SLU", "spolupráce", "6", "13.2.2025", "", ""),
    ("MS-KOP", "MS-SLU", "setkání", "4", "13.2.2025", "", ""),
    ("GYM", "ZS-KOM", "informace", "1", "11.2.2025", "ZS-KOM", ""),
    ("MS-VRB", "ZS-VRB", "setkání", "2", "13.2.2025", "", ""),
    ("MS-ZAL", "ZS-ZAL", "spolupráce", "3", "13.2.2025", "", ""),
    ("DDM", "ZS-KOM", "spolupráce", "6", "11.2.2025", "ZS-KOM", ""),
    ("DDM", "ZS-MAS", "spolupráce", "3", "13.2.2025", "", ""),
    ("DITE-RODINA", "ZS-MAS", "spolupráce", "2", "13.2.2025", "", ""),
    ("DITE-RODINA", "DDM", "setkání", "2", "13.2.2025", "", ""),
    ("MEU-SKOL", "ZS-KOM", "informace", "4", "15.1.2025", "", ""),
    ("MEU-SKOL", "ZS-MAS", "informace", "4", "15.1.2025", "", ""),
    ("MEU-SKOL", "MS-SLU", "informace", "0,5", "15.1.2025", "", ""),
]

# setkání, aktér, datum, název  (one row per actor present)
PLATFORM = "Síťovací platforma Horní Lhota"
MEETINGS_2025: list[tuple[str, list[str], str, str]] = [
    ("PLAT-2024-10", ["OSPOD", "SAS-RODINA", "NZDM", "AZYL", "TERENNI", "PORADNA", "KRIZ", "PCR",
                      "MP", "MEU-SOC", "UP", "KC", "RC-KULISEK"], "15.10.2024", PLATFORM),
    ("PLAT-2025-02", ["OSPOD", "SAS-RODINA", "NZDM", "TERENNI", "DLUHY", "PCR", "MEU-SOC", "UP",
                      "KC"], "18.2.2025", PLATFORM),
    ("PK-2025-01", ["OSPOD", "ZS-KOM", "SKOL-POR", "PPP"], "21.1.2025", "Případová konference"),
    ("MDT-2025-03", ["OSPOD", "PCR", "MP", "KRIZ", "TERENNI"], "4.3.2025",
     "Multidisciplinární tým – bezpečí dětí"),
    ("NRP-2024-11", ["OSPOD", "NRP-NARUC", "NRP-KLUB"], "20.11.2024", "Setkání pěstounů"),
    ("SKOLY-2025-01", ["ZS-KOM", "ZS-MAS", "ZS-DL", "ZS-VRB", "ZS-ZAL", "MEU-SKOL", "PPP"],
     "28.1.2025", "Porada ředitelů škol"),
]


# Who answered the survey (respondenti.csv): every actor got the questionnaire; the
# actors that report links answered (OSPOD in an interview), and one paediatrician
# answered that it works with nobody (isolated: an answer). Every other actor did
# not answer; those whom nobody names are unknown, not isolated.
ANSWERED_2025: dict[str, tuple[str, str, str]] = {
    "OSPOD": ("31.1.2025", "rozhovor", "rozhovor s vedoucí OSPOD"),
    "SAS-RODINA": ("14.2.2025", "dotazník", ""),
    "NZDM": ("7.2.2025", "dotazník", ""),
    "AZYL": ("10.2.2025", "dotazník", ""),
    "TERENNI": ("20.2.2025", "dotazník", ""),
    "UP": ("3.3.2025", "dotazník", ""),
    "PCR": ("12.2.2025", "dotazník", ""),
    "NRP-NARUC": ("18.2.2025", "dotazník", ""),
    "ZS-KOM": ("11.2.2025", "dotazník", ""),
    "POMOC": ("4.3.2025", "dotazník", ""),
    "PPP": ("11.2.2025", "dotazník", ""),
    "PLDD-KRAL": ("5.3.2025", "dotazník", "uvádí, že s nikým nespolupracuje"),
}
NOT_ANSWERED_NOTES = {"PLDD-NOVAK": "dotazník nevyplnila"}


def _respondents(actors: list[tuple[str, ...]], answered: dict[str, tuple[str, str, str]]
                 ) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    for actor in actors:
        if actor[0] in answered:
            rows.append((actor[0], "ano", *answered[actor[0]]))
        else:
            rows.append((actor[0], "ne", "", "", NOT_ANSWERED_NOTES.get(actor[0], "")))
    return rows


def _answered_2026() -> dict[str, tuple[str, str, str]]:
    renamed = {"NZDM": "NZDM-PODMOSTEM"}
    answered = {}
    for actor, (datum, how, note) in ANSWERED_2025.items():
        day, month, year = datum.split(".")
        answered[renamed.get(actor, actor)] = (f"{day}.{month}.{int(year) + 1}", how, note)
    answered["KURATOR"] = ("31.1.2026", "rozhovor", "")
    return answered


def _actors_2026() -> list[tuple[str, ...]]:
    removed = {"KRIZ", "STROJIRNY"}
    renamed_ids = {"NZDM": "NZDM-PODMOSTEM"}  # same name, new id in the networker's new sheet
    actors = []
    for row in ACTORS_2025:
        if row[0] in removed:
            continue
        row = (renamed_ids.get(row[0], row[0]), *row[1:])
        if row[0] == "DITE-RODINA":  # started a prevention programme in schools
            row = (*row[:5], "vztahy, učení, chování", "všeobecná", row[7],
                   "Program primární prevence od září 2025")
        actors.append(row)
    actors += [
        ("PORADNA-RODINA", "Poradna pro rodinu Horní Lhota", "sociální služby",
         "odborné sociální poradenství – rodinná terapie", "Horní Lhota", "vztahy",
         "cílená, specializovaná", "poradna.rodina@example.org", "Nová služba od 2025"),
        ("KURATOR", "Kurátor pro mládež MěÚ Horní Lhota", "OSPOD", "kurátor pro mládež",
         "Horní Lhota", "chování, bezpečí", "specializovaná", "", "Nově samostatně zmapován"),
        ("PLDD-MALA", "MUDr. Lucie Malá – praktický lékař pro děti a dorost", "zdravotnictví",
         "PLDD", "Zálesí", "zdraví", "všeobecná", "", "Nová ordinace"),
    ]
    return actors


def _links_2026() -> list[tuple[str, ...]]:
    lost = {
        ("PCR", "NZDM", "informace"),
        ("GYM", "ZS-KOM", "informace"),
        ("MP", "TERENNI", "informace"),
        ("OSPOD", "POMOC", "doporučení"),
    }
    reweighted = {
        ("OSPOD", "SAS-RODINA", "doporučení", "OSPOD"): "30",
        ("ZS-KOM", "PPP", "doporučení", "ZS-KOM"): "12",
        ("OSPOD", "PCR", "informace", "OSPOD"): "14",
        ("NEMOCNICE", "OSPOD", "informace", "OSPOD"): "5",
        ("RC-KULISEK", "KC", "spolupráce", "KC"): "7,5",
    }
    renamed = {"NZDM": "NZDM-PODMOSTEM"}
    links: list[tuple[str, ...]] = []
    for od, komu, typ, vaha, datum, uvedl, poznamka in LINKS_2025:
        if (od, komu, typ) in lost or "KRIZ" in (od, komu) or "STROJIRNY" in (od, komu):
            continue
        vaha = reweighted.get((od, komu, typ, uvedl), vaha)
        day, month, year = datum.split(".")
        datum = f"{day}.{month}.{int(year) + 1}"
        od, komu, uvedl = (renamed.get(x, x) for x in (od, komu, uvedl))
        links.append((od, komu, typ, vaha, datum, uvedl, poznamka))
    links += [
        ("ZS-KOM", "SAS-RODINA", "spolupráce", "3", "10.2.2026", "ZS-KOM",
         "první spolupráce školy se sociální službou"),
        ("SAS-RODINA", "ZS-KOM", "spolupráce", "2", "12.2.2026", "SAS-RODINA", ""),
        ("PLDD-DVORAK", "OSPOD", "informace", "1", "31.1.2026", "OSPOD", ""),
        ("OSPOD", "PORADNA-RODINA", "doporučení", "6", "31.1.2026", "OSPOD", ""),
        ("SAS-RODINA", "PORADNA-RODINA", "doporučení", "4", "12.2.2026", "SAS-RODINA", ""),
        ("PPP", "PORADNA-RODINA", "doporučení", "2", "13.2.2026", "PPP", ""),
        ("OSPOD", "KURATOR", "spolupráce", "30", "31.1.2026", "OSPOD", ""),
        ("KURATOR", "OSPOD", "spolupráce", "30", "31.1.2026", "KURATOR", ""),
        ("KURATOR", "PMS", "spolupráce", "5", "31.1.2026", "KURATOR", ""),
        ("KURATOR", "PCR", "informace", "6", "31.1.2026", "KURATOR", ""),
        ("DITE-RODINA", "ZS-KOM", "spolupráce", "4", "10.2.2026", "ZS-KOM",
         "primární prevence"),
        ("DITE-RODINA", "SOU", "spolupráce", "2", "13.2.2026", "", "primární prevence"),
    ]
    return links


def _meetings_2026() -> list[tuple[str, list[str], str, str]]:
    return [
        ("PLAT-2025-10", ["OSPOD", "KURATOR", "SAS-RODINA", "NZDM-PODMOSTEM", "AZYL", "TERENNI",
                          "PORADNA", "PORADNA-RODINA", "PCR", "MP", "MEU-SOC", "UP", "KC",
                          "RC-KULISEK", "PPP"], "14.10.2025", PLATFORM),
        ("PLAT-2026-02", ["OSPOD", "SAS-RODINA", "NZDM-PODMOSTEM", "TERENNI", "DLUHY", "PCR",
                          "MEU-SOC", "UP", "KC", "PORADNA-RODINA"], "17.2.2026", PLATFORM),
        ("PK-2026-01", ["OSPOD", "ZS-KOM", "SKOL-POR", "PPP"], "20.1.2026",
         "Případová konference"),
        ("MDT-2026-03", ["OSPOD", "KURATOR", "PCR", "MP", "TERENNI"], "3.3.2026",
         "Multidisciplinární tým – bezpečí dětí"),
        ("NRP-2025-11", ["OSPOD", "NRP-NARUC", "NRP-KLUB"], "19.11.2025", "Setkání pěstounů"),
        ("SKOLY-2026-01", ["ZS-KOM", "ZS-MAS", "ZS-DL", "ZS-VRB", "ZS-ZAL", "MEU-SKOL", "PPP"],
         "27.1.2026", "Porada ředitelů škol"),
    ]


def _write_csv(path: Path, header: list[str], rows: Sequence[Sequence[str]]) -> None:
    # utf-8-sig writes the BOM Excel puts in front of a UTF-8 CSV.
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows(rows)


NOTE = """# FIKTIVNÍ DATA / FICTIONAL DATA

ORP Horní Lhota, všichni aktéři, osoby a kontakty v této složce jsou smyšlené
(ukázková data projektu graphnet). Jakákoli podobnost se skutečnou organizací
je náhodná. Kontakty používají doménu example.org a čísla +420 000 …

Horní Lhota, every actor, person and contact in this folder are made up
(graphnet's sample data). Any likeness to a real organisation is accidental.

Mapování / mapped on: {mapped_on}. Popis / description: ../README.md
"""

SETTINGS = """# FIKTIVNÍ DATA – fictional sample data (see README.md in this folder)
dataset: horni-lhota
name: "ORP Horní Lhota (fiktivní) – mapování {year}"
orp: Horní Lhota
mapped_on: {mapped_on}
"""


def write(folder: Path, actors: list[tuple[str, ...]], links: list[tuple[str, ...]],
          meetings: list[tuple[str, list[str], str, str]],
          respondents: list[tuple[str, ...]], year: int, mapped_on: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    actor_rows = [(a[0], a[1], a[2], a[3], a[4], ORP, KRAJ, *a[5:]) for a in actors]
    _write_csv(folder / "akteri.csv", ACTOR_HEADER, actor_rows)
    _write_csv(folder / "vazby.csv", LINK_HEADER, links)
    meeting_rows = [(m, who, day, title) for m, present, day, title in meetings for who in present]
    _write_csv(folder / "setkani.csv", MEETING_HEADER, meeting_rows)
    _write_csv(folder / "respondenti.csv", RESPONDENT_HEADER, respondents)
    (folder / "graphnet.yaml").write_text(SETTINGS.format(year=year, mapped_on=mapped_on),
                                          encoding="utf-8")
    (folder / "README.md").write_text(NOTE.format(mapped_on=mapped_on), encoding="utf-8")


def main() -> None:
    write(HERE / "orp-horni-lhota-2025", ACTORS_2025, LINKS_2025, MEETINGS_2025,
          _respondents(ACTORS_2025, ANSWERED_2025), 2025, "2025-03-31")
    actors_2026 = _actors_2026()
    write(HERE / "orp-horni-lhota-2026", actors_2026, _links_2026(), _meetings_2026(),
          _respondents(actors_2026, _answered_2026()), 2026, "2026-03-31")


if __name__ == "__main__":
    main()
