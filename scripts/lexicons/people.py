"""Prominent people of the last decade, compiled by sitrep from public records.

canonical | country | title | role | from-to (years in office; "-" when unknown or not an
office) | other full-name surfaces (;) | famous surnames that may match alone (;)

Titles are as news writes them before the name. Years are those of the office named.
A person may appear on several lines (several offices); the surname flag goes on one line.
"""

PEOPLE = """
Vladimir Putin | RUS | President | GOV | 2012-2025 | Vladimir Vladimirovich Putin | Putin
Dmitry Medvedev | RUS | Deputy Chairman of the Security Council | GOV | 2020-2025 | Dmitri Medvedev | Medvedev
Mikhail Mishustin | RUS | Prime Minister | GOV | 2020-2025 | | Mishustin
Sergei Lavrov | RUS | Foreign Minister | GOV | 2004-2025 | Sergey Lavrov | Lavrov
Dmitry Peskov | RUS | Kremlin spokesman | GOV | 2012-2025 | Dmitri Peskov | Peskov
Yuri Ushakov | RUS | Kremlin aide | GOV | 2012-2025 | Yury Ushakov |
Kirill Dmitriev | RUS | special envoy | GOV | 2025-2025 | |
Sergei Shoigu | RUS | Security Council Secretary | GOV | 2024-2025 | Sergey Shoigu | Shoigu
Andrei Belousov | RUS | Defence Minister | GOV | 2024-2025 | Andrey Belousov | Belousov
Valery Gerasimov | RUS | General | MIL | 2012-2025 | | Gerasimov
Maria Zakharova | RUS | Foreign Ministry spokeswoman | GOV | 2015-2025 | | Zakharova
Vasily Nebenzya | RUS | Ambassador to the UN | GOV | 2017-2025 | |
Grigory Karasin | RUS | Senator | GOV | 2020-2025 | |
Sergei Beseda | RUS | General | SPY | - | |
Alexander Bortnikov | RUS | FSB Director | SPY | 2008-2025 | |
Sergei Naryshkin | RUS | SVR Director | SPY | 2016-2025 | |
Nikolai Patrushev | RUS | Presidential aide | GOV | 2024-2025 | |
Vyacheslav Volodin | RUS | State Duma Speaker | LEG | 2016-2025 | |
Valentina Matviyenko | RUS | Federation Council Speaker | LEG | 2011-2025 | |
Ramzan Kadyrov | RUS | Chechen leader | GOV | 2007-2025 | | Kadyrov
Yevgeny Prigozhin | RUS | Wagner Group founder | REB | 2014-2023 | Yevgeniy Prigozhin | Prigozhin
Alexei Navalny | RUS | Opposition leader | OPP | 2011-2024 | Alexey Navalny | Navalny
Yulia Navalnaya | RUS | Opposition figure | OPP | 2024-2025 | |
Vladimir Medinsky | RUS | Presidential aide | GOV | 2020-2025 | |
Volodymyr Zelensky | UKR | President | GOV | 2019-2025 | Volodymyr Zelenskyy;Volodymyr Zelenskiy;Vladimir Zelensky | Zelensky;Zelenskyy;Zelenskiy
Andriy Yermak | UKR | Head of the Presidential Office | GOV | 2020-2025 | Andrii Yermak | Yermak
Rustem Umerov | UKR | Defence Minister | GOV | 2023-2025 | | Umerov
Denys Shmyhal | UKR | Prime Minister | GOV | 2020-2025 | |
Yulia Svyrydenko | UKR | Prime Minister | GOV | 2025-2025 | |
Andrii Sybiha | UKR | Foreign Minister | GOV | 2024-2025 | Andriy Sybiha | Sybiha
Dmytro Kuleba | UKR | Foreign Minister | GOV | 2020-2024 | | Kuleba
Oleksii Reznikov | UKR | Defence Minister | GOV | 2021-2023 | Oleksiy Reznikov | Reznikov
Oleksandr Syrskyi | UKR | Commander-in-Chief | MIL | 2024-2025 | Oleksandr Syrsky | Syrskyi
Valerii Zaluzhnyi | UKR | General | MIL | 2021-2024 | Valery Zaluzhny;Valeriy Zaluzhnyi | Zaluzhnyi
Kyrylo Budanov | UKR | Military intelligence chief | SPY | 2020-2025 | | Budanov
Vasyl Maliuk | UKR | SBU head | SPY | 2022-2025 | |
Ruslan Stefanchuk | UKR | Parliament Speaker | LEG | 2021-2025 | |
Petro Poroshenko | UKR | President | GOV | 2014-2019 | | Poroshenko
Viktor Yanukovych | UKR | President | GOV | 2010-2014 | | Yanukovych
Vitali Klitschko | UKR | Mayor | GOV | 2014-2025 | Vitaliy Klitschko | Klitschko
Ihor Terekhov | UKR | Mayor | GOV | 2021-2025 | |
Oleh Syniehubov | UKR | Governor | GOV | 2021-2025 | |
Ivan Fedorov | UKR | Governor | GOV | 2023-2025 | |
Serhiy Lysak | UKR | Governor | GOV | 2022-2025 | |
Vadym Filashkin | UKR | Governor | GOV | 2023-2025 | |
Oleh Kiper | UKR | Governor | GOV | 2023-2025 | |
Vitaliy Kim | UKR | Governor | GOV | 2019-2025 | |
Dmytro Lubinets | UKR | Ombudsman | GOV | 2022-2025 | |
Mykhailo Podolyak | UKR | Presidential adviser | GOV | 2020-2025 | Mykhailo Podolyak | Podolyak
Donald Trump | USA | President | GOV | 2017-2021 | Donald J. Trump | Trump
Donald Trump | USA | President | GOV | 2025-2025 | |
Joe Biden | USA | President | GOV | 2021-2025 | Joseph Biden;Joseph R. Biden | Biden
Barack Obama | USA | President | GOV | 2009-2017 | | Obama
Kamala Harris | USA | Vice President | GOV | 2021-2025 | |
JD Vance | USA | Vice President | GOV | 2025-2025 | J.D. Vance | Vance
Marco Rubio | USA | Secretary of State | GOV | 2025-2025 | | Rubio
Antony Blinken | USA | Secretary of State | GOV | 2021-2025 | Tony Blinken | Blinken
Mike Pompeo | USA | Secretary of State | GOV | 2018-2021 | | Pompeo
Rex Tillerson | USA | Secretary of State | GOV | 2017-2018 | |
John Kerry | USA | Secretary of State | GOV | 2013-2017 | |
Steve Witkoff | USA | special envoy | GOV | 2025-2025 | Steven Witkoff | Witkoff
Keith Kellogg | USA | special envoy | GOV | 2025-2025 | | Kellogg
Mike Waltz | USA | National Security Adviser | GOV | 2025-2025 | Michael Waltz | Waltz
Jake Sullivan | USA | National Security Adviser | GOV | 2021-2025 | |
Pete Hegseth | USA | Defense Secretary | GOV | 2025-2025 | | Hegseth
Lloyd Austin | USA | Defense Secretary | GOV | 2021-2025 | |
Mark Esper | USA | Defense Secretary | GOV | 2019-2020 | |
Jim Mattis | USA | Defense Secretary | GOV | 2017-2019 | James Mattis |
Dan Caine | USA | General | MIL | 2025-2025 | |
Mark Milley | USA | General | MIL | 2019-2023 | |
Charles Q. Brown | USA | General | MIL | 2023-2025 | CQ Brown |
Scott Bessent | USA | Treasury Secretary | GOV | 2025-2025 | | Bessent
Janet Yellen | USA | Treasury Secretary | GOV | 2021-2025 | |
Howard Lutnick | USA | Commerce Secretary | GOV | 2025-2025 | |
Tulsi Gabbard | USA | Director of National Intelligence | SPY | 2025-2025 | |
John Ratcliffe | USA | CIA Director | SPY | 2025-2025 | |
William Burns | USA | CIA Director | SPY | 2021-2025 | Bill Burns |
Karoline Leavitt | USA | White House press secretary | GOV | 2025-2025 | | Leavitt
Tammy Bruce | USA | State Department spokeswoman | GOV | 2025-2025 | |
Matthew Miller | USA | State Department spokesman | GOV | 2023-2025 | |
John Kirby | USA | National Security Council spokesman | GOV | 2022-2025 | |
Susie Wiles | USA | White House chief of staff | GOV | 2025-2025 | |
Elon Musk | USA | | BUS | - | | Musk
Mike Johnson | USA | House Speaker | LEG | 2023-2025 | |
Nancy Pelosi | USA | House Speaker | LEG | 2019-2023 | |
Chuck Schumer | USA | Senator | LEG | 1999-2025 | |
Mitch McConnell | USA | Senator | LEG | 1985-2025 | |
Lindsey Graham | USA | Senator | LEG | 2003-2025 | |
Mike Huckabee | USA | Ambassador to Israel | GOV | 2025-2025 | |
Adam Boehler | USA | special envoy | GOV | 2025-2025 | |
Amos Hochstein | USA | special envoy | GOV | 2021-2025 | |
Brett McGurk | USA | Middle East coordinator | GOV | 2021-2025 | |
Jared Kushner | USA | Senior adviser | GOV | 2017-2021 | |
Richard Grenell | USA | special envoy | GOV | 2025-2025 | |
Michael Anton | USA | State Department policy planning director | GOV | 2025-2025 | |
Andrew Peek | USA | National Security Council official | GOV | 2025-2025 | |
Bridget Brink | USA | Ambassador to Ukraine | GOV | 2022-2025 | |
Linda Thomas-Greenfield | USA | Ambassador to the UN | GOV | 2021-2025 | |
Dorothy Shea | USA | Ambassador to the UN | GOV | 2025-2025 | |
Benjamin Netanyahu | ISR | Prime Minister | GOV | 2009-2021 | Binyamin Netanyahu;Bibi Netanyahu | Netanyahu
Benjamin Netanyahu | ISR | Prime Minister | GOV | 2022-2025 | |
Naftali Bennett | ISR | Prime Minister | GOV | 2021-2022 | |
Yair Lapid | ISR | Prime Minister | GOV | 2022-2022 | |
Isaac Herzog | ISR | President | GOV | 2021-2025 | Yitzhak Herzog | Herzog
Yoav Gallant | ISR | Defence Minister | GOV | 2022-2024 | | Gallant
Israel Katz | ISR | Defence Minister | GOV | 2024-2025 | |
Gideon Saar | ISR | Foreign Minister | GOV | 2024-2025 | Gideon Sa'ar |
Ron Dermer | ISR | Strategic Affairs Minister | GOV | 2022-2025 | |
Itamar Ben-Gvir | ISR | National Security Minister | GOV | 2022-2025 | Itamar Ben Gvir | Ben-Gvir
Bezalel Smotrich | ISR | Finance Minister | GOV | 2022-2025 | | Smotrich
Benny Gantz | ISR | Minister | GOV | 2020-2024 | | Gantz
Herzi Halevi | ISR | Chief of Staff | MIL | 2023-2025 | |
Eyal Zamir | ISR | Chief of Staff | MIL | 2025-2025 | |
David Barnea | ISR | Mossad chief | SPY | 2021-2025 | |
Mahmoud Abbas | PSE | President | GOV | 2005-2025 | Abu Mazen | Abbas
Mohammad Mustafa | PSE | Prime Minister | GOV | 2024-2025 | |
Mohammad Shtayyeh | PSE | Prime Minister | GOV | 2019-2024 | |
Hussein al-Sheikh | PSE | Vice President | GOV | 2025-2025 | |
Ismail Haniyeh | PSE | Hamas political leader | REB | 2017-2024 | Ismail Haniya | Haniyeh
Yahya Sinwar | PSE | Hamas leader | REB | 2017-2024 | | Sinwar
Mohammed Sinwar | PSE | Hamas military commander | REB | 2024-2025 | |
Khalil al-Hayya | PSE | Hamas negotiator | REB | 2024-2025 | |
Mohammed Deif | PSE | Hamas military commander | REB | 2002-2024 | Mohammed Dayf |
Khaled Mashal | PSE | Hamas leader | REB | 1996-2017 | Khaled Meshaal |
Hassan Nasrallah | LBN | Hezbollah leader | REB | 1992-2024 | | Nasrallah
Naim Qassem | LBN | Hezbollah leader | REB | 2024-2025 | Naim Kassem |
Joseph Aoun | LBN | President | GOV | 2025-2025 | |
Nawaf Salam | LBN | Prime Minister | GOV | 2025-2025 | |
Najib Mikati | LBN | Prime Minister | GOV | 2021-2025 | |
Nabih Berri | LBN | Parliament Speaker | LEG | 1992-2025 | |
Ali Khamenei | IRN | Supreme Leader | GOV | 1989-2025 | Ayatollah Ali Khamenei | Khamenei
Masoud Pezeshkian | IRN | President | GOV | 2024-2025 | | Pezeshkian
Ebrahim Raisi | IRN | President | GOV | 2021-2024 | | Raisi
Hassan Rouhani | IRN | President | GOV | 2013-2021 | | Rouhani
Abbas Araghchi | IRN | Foreign Minister | GOV | 2024-2025 | | Araghchi
Hossein Amir-Abdollahian | IRN | Foreign Minister | GOV | 2021-2024 | |
Mohammad Javad Zarif | IRN | Foreign Minister | GOV | 2013-2021 | Javad Zarif | Zarif
Ali Larijani | IRN | Security Council Secretary | GOV | 2025-2025 | |
Qassem Soleimani | IRN | Quds Force commander | MIL | 1998-2020 | Qasem Soleimani | Soleimani
Mohammad Bagher Ghalibaf | IRN | Parliament Speaker | LEG | 2020-2025 | Mohammad Baqer Qalibaf |
Esmaeil Baghaei | IRN | Foreign Ministry spokesman | GOV | 2024-2025 | |
Recep Tayyip Erdogan | TUR | President | GOV | 2014-2025 | Recep Tayyip Erdoğan;Tayyip Erdogan;Tayyip Erdoğan | Erdogan;Erdoğan
Hakan Fidan | TUR | Foreign Minister | GOV | 2023-2025 | | Fidan
Mevlut Cavusoglu | TUR | Foreign Minister | GOV | 2015-2023 | Mevlüt Çavuşoğlu |
Ibrahim Kalin | TUR | Intelligence chief | SPY | 2023-2025 | İbrahim Kalın |
Mohammed bin Salman | SAU | Crown Prince | GOV | 2017-2025 | Mohammad bin Salman;MBS | 
King Salman | SAU | King | GOV | 2015-2025 | Salman bin Abdulaziz |
Faisal bin Farhan | SAU | Foreign Minister | GOV | 2019-2025 | Prince Faisal bin Farhan |
Musaed al-Aiban | SAU | National Security Adviser | GOV | 2017-2025 | |
Mohamed bin Zayed | ARE | President | GOV | 2022-2025 | Mohammed bin Zayed;Mohamed bin Zayed Al Nahyan;MBZ |
Abdullah bin Zayed | ARE | Foreign Minister | GOV | 2006-2025 | |
Tamim bin Hamad Al Thani | QAT | Emir | GOV | 2013-2025 | Sheikh Tamim;Tamim bin Hamad |
Mohammed bin Abdulrahman Al Thani | QAT | Prime Minister | GOV | 2023-2025 | Sheikh Mohammed bin Abdulrahman |
Majed al-Ansari | QAT | Foreign Ministry spokesman | GOV | 2022-2025 | |
Abdel Fattah el-Sisi | EGY | President | GOV | 2014-2025 | Abdel Fattah al-Sisi;Abdel-Fattah el-Sissi | Sisi
Badr Abdelatty | EGY | Foreign Minister | GOV | 2024-2025 | |
King Abdullah II | JOR | King | GOV | 1999-2025 | Abdullah II |
Ayman Safadi | JOR | Foreign Minister | GOV | 2017-2025 | |
Bashar al-Assad | SYR | President | GOV | 2000-2024 | Bashar Assad | Assad
Ahmed al-Sharaa | SYR | President | GOV | 2025-2025 | Ahmad al-Sharaa;Abu Mohammed al-Jolani;Abu Mohammad al-Julani | Sharaa
Asaad al-Shaibani | SYR | Foreign Minister | GOV | 2024-2025 | Asaad Hassan al-Shaibani |
Mohammed Shia al-Sudani | IRQ | Prime Minister | GOV | 2022-2025 | |
Abdul Latif Rashid | IRQ | President | GOV | 2022-2025 | |
Masrour Barzani | IRQ | Kurdistan Region Prime Minister | GOV | 2019-2025 | |
Abdul-Malik al-Houthi | YEM | Houthi leader | REB | 2004-2025 | Abdulmalik al-Houthi |
Rashad al-Alimi | YEM | Presidential Council chairman | GOV | 2022-2025 | |
Haitham bin Tariq | OMN | Sultan | GOV | 2020-2025 | Sultan Haitham |
Badr Albusaidi | OMN | Foreign Minister | GOV | 2020-2025 | Badr al-Busaidi |
Xi Jinping | CHN | President | GOV | 2013-2025 | | Xi
Li Qiang | CHN | Premier | GOV | 2023-2025 | |
Li Keqiang | CHN | Premier | GOV | 2013-2023 | |
Wang Yi | CHN | Foreign Minister | GOV | 2023-2025 | |
Qin Gang | CHN | Foreign Minister | GOV | 2022-2023 | |
Dong Jun | CHN | Defence Minister | GOV | 2023-2025 | |
Mao Ning | CHN | Foreign Ministry spokeswoman | GOV | 2022-2025 | |
Lin Jian | CHN | Foreign Ministry spokesman | GOV | 2024-2025 | |
Guo Jiakun | CHN | Foreign Ministry spokesman | GOV | 2024-2025 | |
Li Hui | CHN | special envoy | GOV | 2023-2025 | |
Lai Ching-te | TWN | President | GOV | 2024-2025 | William Lai |
Tsai Ing-wen | TWN | President | GOV | 2016-2024 | |
Kim Jong Un | PRK | Supreme Leader | GOV | 2011-2025 | Kim Jong-un | 
Kim Yo Jong | PRK | Senior official | GOV | - | Kim Yo-jong |
Choe Son Hui | PRK | Foreign Minister | GOV | 2022-2025 | Choe Son-hui |
Lee Jae-myung | KOR | President | GOV | 2025-2025 | Lee Jae Myung |
Yoon Suk Yeol | KOR | President | GOV | 2022-2025 | Yoon Suk-yeol |
Moon Jae-in | KOR | President | GOV | 2017-2022 | |
Shigeru Ishiba | JPN | Prime Minister | GOV | 2024-2025 | |
Fumio Kishida | JPN | Prime Minister | GOV | 2021-2024 | |
Shinzo Abe | JPN | Prime Minister | GOV | 2012-2020 | |
Sanae Takaichi | JPN | Prime Minister | GOV | 2025-2025 | |
Narendra Modi | IND | Prime Minister | GOV | 2014-2025 | | Modi
Subrahmanyam Jaishankar | IND | External Affairs Minister | GOV | 2019-2025 | S. Jaishankar | Jaishankar
Rajnath Singh | IND | Defence Minister | GOV | 2019-2025 | |
Ajit Doval | IND | National Security Adviser | GOV | 2014-2025 | |
Shehbaz Sharif | PAK | Prime Minister | GOV | 2022-2025 | Shahbaz Sharif |
Nawaz Sharif | PAK | Prime Minister | GOV | 2013-2017 | |
Imran Khan | PAK | Prime Minister | GOV | 2018-2022 | |
Asif Ali Zardari | PAK | President | GOV | 2024-2025 | |
Asim Munir | PAK | Army chief | MIL | 2022-2025 | |
Ishaq Dar | PAK | Foreign Minister | GOV | 2024-2025 | |
Khawaja Asif | PAK | Defence Minister | GOV | 2024-2025 | |
Hibatullah Akhundzada | AFG | Taliban leader | REB | 2016-2025 | |
Amir Khan Muttaqi | AFG | Foreign Minister | GOV | 2021-2025 | |
Zabihullah Mujahid | AFG | Taliban spokesman | REB | 2021-2025 | |
Ashraf Ghani | AFG | President | GOV | 2014-2021 | |
Muhammad Yunus | BGD | Chief Adviser | GOV | 2024-2025 | |
Sheikh Hasina | BGD | Prime Minister | GOV | 2009-2024 | |
Min Aung Hlaing | MMR | Senior General | MIL | 2021-2025 | |
Aung San Suu Kyi | MMR | State Counsellor | GOV | 2016-2021 | |
Prabowo Subianto | IDN | President | GOV | 2024-2025 | | Prabowo
Joko Widodo | IDN | President | GOV | 2014-2024 | Jokowi |
Anwar Ibrahim | MYS | Prime Minister | GOV | 2022-2025 | |
Ferdinand Marcos Jr. | PHL | President | GOV | 2022-2025 | Ferdinand Marcos Jr;Bongbong Marcos |
Rodrigo Duterte | PHL | President | GOV | 2016-2022 | | Duterte
Anthony Albanese | AUS | Prime Minister | GOV | 2022-2025 | | Albanese
Penny Wong | AUS | Foreign Minister | GOV | 2022-2025 | |
Christopher Luxon | NZL | Prime Minister | GOV | 2023-2025 | |
Jacinda Ardern | NZL | Prime Minister | GOV | 2017-2023 | |
Emmanuel Macron | FRA | President | GOV | 2017-2025 | | Macron
Jean-Noel Barrot | FRA | Foreign Minister | GOV | 2024-2025 | Jean-Noël Barrot |
Sebastien Lecornu | FRA | Prime Minister | GOV | 2025-2025 | Sébastien Lecornu |
Francois Bayrou | FRA | Prime Minister | GOV | 2024-2025 | François Bayrou |
Michel Barnier | FRA | Prime Minister | GOV | 2024-2024 | |
Gabriel Attal | FRA | Prime Minister | GOV | 2024-2024 | |
Marine Le Pen | FRA | Opposition leader | OPP | - | |
Keir Starmer | GBR | Prime Minister | GOV | 2024-2025 | Sir Keir Starmer | Starmer
Rishi Sunak | GBR | Prime Minister | GOV | 2022-2024 | | Sunak
Liz Truss | GBR | Prime Minister | GOV | 2022-2022 | |
Boris Johnson | GBR | Prime Minister | GOV | 2019-2022 | |
Theresa May | GBR | Prime Minister | GOV | 2016-2019 | |
David Lammy | GBR | Foreign Secretary | GOV | 2024-2025 | |
Yvette Cooper | GBR | Foreign Secretary | GOV | 2025-2025 | |
David Cameron | GBR | Foreign Secretary | GOV | 2023-2024 | |
John Healey | GBR | Defence Secretary | GOV | 2024-2025 | |
Jonathan Powell | GBR | National Security Adviser | GOV | 2024-2025 | |
King Charles III | GBR | King | GOV | 2022-2025 | King Charles |
Olaf Scholz | DEU | Chancellor | GOV | 2021-2025 | | Scholz
Friedrich Merz | DEU | Chancellor | GOV | 2025-2025 | | Merz
Angela Merkel | DEU | Chancellor | GOV | 2005-2021 | | Merkel
Annalena Baerbock | DEU | Foreign Minister | GOV | 2021-2025 | | Baerbock
Johann Wadephul | DEU | Foreign Minister | GOV | 2025-2025 | |
Boris Pistorius | DEU | Defence Minister | GOV | 2023-2025 | | Pistorius
Frank-Walter Steinmeier | DEU | President | GOV | 2017-2025 | | Steinmeier
Giorgia Meloni | ITA | Prime Minister | GOV | 2022-2025 | | Meloni
Antonio Tajani | ITA | Foreign Minister | GOV | 2022-2025 | |
Sergio Mattarella | ITA | President | GOV | 2015-2025 | |
Pedro Sanchez | ESP | Prime Minister | GOV | 2018-2025 | Pedro Sánchez |
Jose Manuel Albares | ESP | Foreign Minister | GOV | 2021-2025 | José Manuel Albares |
Donald Tusk | POL | Prime Minister | GOV | 2023-2025 | | Tusk
Andrzej Duda | POL | President | GOV | 2015-2025 | | Duda
Karol Nawrocki | POL | President | GOV | 2025-2025 | |
Radoslaw Sikorski | POL | Foreign Minister | GOV | 2023-2025 | Radosław Sikorski | Sikorski
Viktor Orban | HUN | Prime Minister | GOV | 2010-2025 | Viktor Orbán | Orban;Orbán
Peter Szijjarto | HUN | Foreign Minister | GOV | 2014-2025 | Péter Szijjártó |
Robert Fico | SVK | Prime Minister | GOV | 2023-2025 | | Fico
Petr Fiala | CZE | Prime Minister | GOV | 2021-2025 | |
Petr Pavel | CZE | President | GOV | 2023-2025 | |
Andrej Babis | CZE | Prime Minister | GOV | 2025-2025 | Andrej Babiš |
Alexander Stubb | FIN | President | GOV | 2024-2025 | |
Sauli Niinisto | FIN | President | GOV | 2012-2024 | Sauli Niinistö |
Ulf Kristersson | SWE | Prime Minister | GOV | 2022-2025 | |
Mette Frederiksen | DNK | Prime Minister | GOV | 2019-2025 | |
Jonas Gahr Store | NOR | Prime Minister | GOV | 2021-2025 | Jonas Gahr Støre |
Dick Schoof | NLD | Prime Minister | GOV | 2024-2025 | |
Bart De Wever | BEL | Prime Minister | GOV | 2025-2025 | |
Kyriakos Mitsotakis | GRC | Prime Minister | GOV | 2019-2025 | |
Nikos Christodoulides | CYP | President | GOV | 2023-2025 | |
Aleksandar Vucic | SRB | President | GOV | 2017-2025 | Aleksandar Vučić | Vucic
Klaus Iohannis | ROU | President | GOV | 2014-2025 | |
Nicusor Dan | ROU | President | GOV | 2025-2025 | Nicușor Dan |
Maia Sandu | MDA | President | GOV | 2020-2025 | |
Alexander Lukashenko | BLR | President | GOV | 1994-2025 | Aleksandr Lukashenko;Alyaksandr Lukashenka | Lukashenko
Sviatlana Tsikhanouskaya | BLR | Opposition leader | OPP | 2020-2025 | Svetlana Tikhanovskaya |
Gitanas Nauseda | LTU | President | GOV | 2019-2025 | Gitanas Nausėda |
Edgars Rinkevics | LVA | President | GOV | 2023-2025 | Edgars Rinkēvičs |
Alar Karis | EST | President | GOV | 2021-2025 | |
Kaja Kallas | EST | EU foreign policy chief | IGO | 2024-2025 | | Kallas
Ilham Aliyev | AZE | President | GOV | 2003-2025 | | Aliyev
Nikol Pashinyan | ARM | Prime Minister | GOV | 2018-2025 | | Pashinyan
Irakli Kobakhidze | GEO | Prime Minister | GOV | 2024-2025 | |
Salome Zourabichvili | GEO | President | GOV | 2018-2024 | |
Kassym-Jomart Tokayev | KAZ | President | GOV | 2019-2025 | | Tokayev
Shavkat Mirziyoyev | UZB | President | GOV | 2016-2025 | |
Ursula von der Leyen | | European Commission President | IGO | 2019-2025 | | 
Antonio Costa | | European Council President | IGO | 2024-2025 | António Costa |
Charles Michel | | European Council President | IGO | 2019-2024 | |
Josep Borrell | | EU foreign policy chief | IGO | 2019-2024 | |
Roberta Metsola | | European Parliament President | IGO | 2022-2025 | |
Christine Lagarde | | European Central Bank President | IGO | 2019-2025 | |
Mark Rutte | | NATO Secretary General | IGO | 2024-2025 | | Rutte
Jens Stoltenberg | | NATO Secretary General | IGO | 2014-2024 | | Stoltenberg
Antonio Guterres | | UN Secretary-General | IGO | 2017-2025 | António Guterres | Guterres
Stephane Dujarric | | UN spokesman | IGO | 2014-2025 | Stéphane Dujarric |
Volker Turk | | UN High Commissioner for Human Rights | IGO | 2022-2025 | Volker Türk |
Filippo Grandi | | UN High Commissioner for Refugees | IGO | 2016-2025 | |
Tom Fletcher | | UN humanitarian chief | IGO | 2024-2025 | |
Martin Griffiths | | UN humanitarian chief | IGO | 2021-2024 | |
Philippe Lazzarini | | UNRWA Commissioner-General | IGO | 2020-2025 | |
Rafael Grossi | | IAEA Director General | IGO | 2019-2025 | Rafael Mariano Grossi | Grossi
Tedros Adhanom Ghebreyesus | | WHO Director-General | IGO | 2017-2025 | Tedros Adhanom | Tedros
Kristalina Georgieva | | IMF Managing Director | IGO | 2019-2025 | |
Ajay Banga | | World Bank President | IGO | 2023-2025 | |
Karim Khan | | ICC Prosecutor | IGO | 2021-2025 | |
Mirjana Spoljaric | | ICRC President | NGO | 2022-2025 | Mirjana Spoljaric Egger |
Pope Francis | VAT | Pope | REL | 2013-2025 | Jorge Mario Bergoglio |
Pope Leo XIV | VAT | Pope | REL | 2025-2025 | Robert Prevost |
Pietro Parolin | VAT | Cardinal | REL | 2013-2025 | |
Justin Trudeau | CAN | Prime Minister | GOV | 2015-2025 | | Trudeau
Mark Carney | CAN | Prime Minister | GOV | 2025-2025 | | Carney
Melanie Joly | CAN | Foreign Minister | GOV | 2021-2025 | Mélanie Joly |
Claudia Sheinbaum | MEX | President | GOV | 2024-2025 | | Sheinbaum
Andres Manuel Lopez Obrador | MEX | President | GOV | 2018-2024 | Andrés Manuel López Obrador;AMLO |
Luiz Inacio Lula da Silva | BRA | President | GOV | 2023-2025 | Luiz Inácio Lula da Silva;Lula da Silva | Lula
Jair Bolsonaro | BRA | President | GOV | 2019-2022 | | Bolsonaro
Javier Milei | ARG | President | GOV | 2023-2025 | | Milei
Gustavo Petro | COL | President | GOV | 2022-2025 | |
Nicolas Maduro | VEN | President | GOV | 2013-2025 | Nicolás Maduro | Maduro
Maria Corina Machado | VEN | Opposition leader | OPP | - | María Corina Machado |
Nayib Bukele | SLV | President | GOV | 2019-2025 | | Bukele
Miguel Diaz-Canel | CUB | President | GOV | 2018-2025 | Miguel Díaz-Canel |
Gabriel Boric | CHL | President | GOV | 2022-2025 | |
Daniel Noboa | ECU | President | GOV | 2023-2025 | |
Dina Boluarte | PER | President | GOV | 2022-2025 | |
Bernardo Arevalo | GTM | President | GOV | 2024-2025 | Bernardo Arévalo |
Daniel Ortega | NIC | President | GOV | 2007-2025 | |
Cyril Ramaphosa | ZAF | President | GOV | 2018-2025 | | Ramaphosa
Bola Tinubu | NGA | President | GOV | 2023-2025 | Bola Ahmed Tinubu | Tinubu
Abiy Ahmed | ETH | Prime Minister | GOV | 2018-2025 | |
William Ruto | KEN | President | GOV | 2022-2025 | | Ruto
Yoweri Museveni | UGA | President | GOV | 1986-2025 | | Museveni
Paul Kagame | RWA | President | GOV | 2000-2025 | | Kagame
Felix Tshisekedi | COD | President | GOV | 2019-2025 | Félix Tshisekedi | Tshisekedi
Abdel Fattah al-Burhan | SDN | General | MIL | 2019-2025 | Abdel-Fattah Burhan | Burhan
Mohamed Hamdan Dagalo | SDN | RSF commander | REB | 2013-2025 | Hemedti;Hemeti | Dagalo
Salva Kiir | SSD | President | GOV | 2011-2025 | Salva Kiir Mayardit |
Hassan Sheikh Mohamud | SOM | President | GOV | 2022-2025 | |
Isaias Afwerki | ERI | President | GOV | 1993-2025 | |
Abdelmadjid Tebboune | DZA | President | GOV | 2019-2025 | |
Kais Saied | TUN | President | GOV | 2019-2025 | Kaïs Saïed |
King Mohammed VI | MAR | King | GOV | 1999-2025 | Mohammed VI |
Khalifa Haftar | LBY | Commander | MIL | 2014-2025 | Khalifa Hifter | Haftar
Abdul Hamid Dbeibah | LBY | Prime Minister | GOV | 2021-2025 | Abdulhamid Dbeibah |
Assimi Goita | MLI | Colonel | MIL | 2021-2025 | Assimi Goïta |
Ibrahim Traore | BFA | Captain | MIL | 2022-2025 | Ibrahim Traoré |
Abdourahamane Tiani | NER | General | MIL | 2023-2025 | Abdourahamane Tchiani |
Mahamat Idriss Deby | TCD | President | GOV | 2021-2025 | Mahamat Idriss Déby |
Emmerson Mnangagwa | ZWE | President | GOV | 2017-2025 | |
Abu Bakr al-Baghdadi | IRQ | Islamic State leader | REB | 2010-2019 | | Baghdadi
Ayman al-Zawahiri | EGY | al-Qaeda leader | REB | 2011-2022 | Ayman Zawahiri | Zawahiri
Osama bin Laden | SAU | al-Qaeda leader | REB | 1988-2011 | Usama bin Laden |
"""
