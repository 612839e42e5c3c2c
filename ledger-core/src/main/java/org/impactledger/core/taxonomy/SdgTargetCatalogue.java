package org.impactledger.core.taxonomy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The 169 targets of the 2030 Agenda, kept in code rather than in a resource file so that a typo in
 * the table fails the build (see the tests) instead of failing at start-up. The labels are short
 * paraphrases written for dashboards, not the official UN wording: the official text is long and
 * authoritative elsewhere, and reports only need to tell targets apart at a glance.
 */
final class SdgTargetCatalogue {

    /** One line per target: its code, a bar, its label. Order is the official order. */
    private static final String TABLE = """
            1.1  | Eradicate extreme poverty for all people everywhere
            1.2  | At least halve poverty in all its dimensions, by national definitions
            1.3  | Social protection systems and floors for all, covering the poor and vulnerable
            1.4  | Equal rights to economic resources, basic services, land, property and finance
            1.5  | Resilience of the poor to climate extremes, shocks and disasters
            1.a  | Mobilise resources for poverty-ending programmes in developing countries
            1.b  | Pro-poor and gender-sensitive policy frameworks
            2.1  | End hunger: year-round access to safe, nutritious and sufficient food
            2.2  | End all forms of malnutrition, including child stunting and wasting
            2.3  | Double the productivity and incomes of small-scale food producers
            2.4  | Sustainable food production and resilient agricultural practices
            2.5  | Keep the genetic diversity of seeds, crops and farmed animals
            2.a  | Invest in rural infrastructure, agricultural research and gene banks
            2.b  | Correct trade restrictions and distortions in world agricultural markets
            2.c  | Well-functioning food commodity markets and timely market information
            3.1  | Reduce maternal mortality
            3.2  | End preventable deaths of newborns and children under five
            3.3  | End epidemics of AIDS, tuberculosis, malaria and neglected tropical diseases
            3.4  | Fewer premature deaths from non-communicable diseases; promote mental health
            3.5  | Prevent and treat substance abuse, including drugs and harmful alcohol use
            3.6  | Halve deaths and injuries from road traffic accidents
            3.7  | Universal access to sexual and reproductive health-care services
            3.8  | Universal health coverage, with access to quality care and medicines
            3.9  | Fewer deaths and illnesses from hazardous chemicals and pollution
            3.a  | Implement the WHO Framework Convention on Tobacco Control
            3.b  | Research on and access to affordable vaccines and medicines
            3.c  | More health financing and health workforce in developing countries
            3.d  | Early warning, risk reduction and management of health risks
            4.1  | Free, equitable, quality primary and secondary education for all children
            4.2  | Quality early childhood development, care and pre-primary education
            4.3  | Equal access to affordable technical, vocational and tertiary education
            4.4  | More youth and adults with skills for employment and entrepreneurship
            4.5  | Eliminate gender disparities; equal access to education for the vulnerable
            4.6  | Literacy and numeracy for all youth and most adults
            4.7  | Knowledge and skills for sustainable development and global citizenship
            4.a  | Safe, inclusive and effective learning environments and facilities
            4.b  | More scholarships for students from developing countries
            4.c  | More qualified teachers, including through international cooperation
            5.1  | End discrimination against women and girls everywhere
            5.2  | Eliminate violence against women and girls, including trafficking
            5.3  | Eliminate harmful practices such as child marriage and genital mutilation
            5.4  | Recognise and value unpaid care and domestic work
            5.5  | Full participation and equal leadership opportunities for women
            5.6  | Universal access to sexual and reproductive health and rights
            5.a  | Equal rights for women to economic resources, land and property
            5.b  | Enabling technology, notably ICT, to empower women
            5.c  | Sound policies and enforceable laws for gender equality
            6.1  | Universal, equitable access to safe and affordable drinking water
            6.2  | Adequate sanitation and hygiene for all; end open defecation
            6.3  | Better water quality: less pollution, half as much untreated wastewater
            6.4  | Water-use efficiency and sustainable withdrawals to address scarcity
            6.5  | Integrated water resources management, across borders where needed
            6.6  | Protect and restore water-related ecosystems
            6.a  | International cooperation and capacity-building on water and sanitation
            6.b  | Local communities take part in water and sanitation management
            7.1  | Universal access to affordable, reliable and modern energy services
            7.2  | A substantially larger share of renewable energy
            7.3  | Double the global rate of improvement in energy efficiency
            7.a  | International cooperation and investment for clean energy
            7.b  | Infrastructure and technology for modern energy in developing countries
            8.1  | Sustained per capita economic growth, at least 7% a year in the poorest
            8.2  | Higher productivity through diversification, technology and innovation
            8.3  | Policies for decent jobs, entrepreneurship and growth of small enterprises
            8.4  | Resource efficiency; decouple economic growth from environmental harm
            8.5  | Full, productive employment and decent work for all, equal pay for equal work
            8.6  | Fewer young people not in employment, education or training
            8.7  | End forced labour, modern slavery, trafficking and child labour
            8.8  | Labour rights and safe, secure working environments for all workers
            8.9  | Sustainable tourism that creates jobs and promotes local culture and products
            8.10 | Stronger domestic financial institutions; access to banking and insurance
            8.a  | More Aid for Trade support for developing countries
            8.b  | A global strategy for youth employment
            9.1  | Quality, reliable, sustainable and resilient infrastructure for all
            9.2  | Inclusive and sustainable industrialisation
            9.3  | Access of small enterprises to financial services, credit and value chains
            9.4  | Upgrade infrastructure and retrofit industries to be sustainable
            9.5  | Stronger scientific research and technological capabilities
            9.a  | Support for sustainable, resilient infrastructure in developing countries
            9.b  | Domestic technology development, research and innovation
            9.c  | Universal, affordable access to information technology and the Internet
            10.1 | Income growth of the bottom 40 per cent above the national average
            10.2 | Social, economic and political inclusion of all
            10.3 | Equal opportunity; remove discriminatory laws, policies and practices
            10.4 | Fiscal, wage and social protection policies for greater equality
            10.5 | Better regulation and monitoring of global financial markets
            10.6 | A stronger voice for developing countries in global institutions
            10.7 | Orderly, safe, regular and responsible migration and mobility
            10.a | Special and differential treatment for developing countries in trade
            10.b | Development assistance and investment where the need is greatest
            10.c | Cut the cost of migrant remittances below 3 per cent
            11.1 | Adequate, safe and affordable housing and basic services; upgrade slums
            11.2 | Safe, affordable, accessible and sustainable transport systems for all
            11.3 | Inclusive, sustainable urbanisation and participatory settlement planning
            11.4 | Protect and safeguard the world's cultural and natural heritage
            11.5 | Fewer deaths, people affected and economic losses from disasters
            11.6 | Lower environmental impact of cities, notably air quality and waste
            11.7 | Universal access to safe, inclusive green and public spaces
            11.a | Positive links between urban, peri-urban and rural areas
            11.b | Integrated policies for inclusion, resilience and disaster risk reduction
            11.c | Help the least developed countries build sustainable, resilient buildings
            12.1 | Implement the 10-year framework on sustainable consumption and production
            12.2 | Sustainable management and efficient use of natural resources
            12.3 | Halve food waste per person; reduce food losses along supply chains
            12.4 | Sound management of chemicals and wastes throughout their life cycle
            12.5 | Much less waste through prevention, reduction, recycling and reuse
            12.6 | Companies adopt sustainable practices and report on sustainability
            12.7 | Sustainable public procurement practices
            12.8 | Information and awareness for lifestyles in harmony with nature
            12.a | Science and technology capacity for sustainable consumption and production
            12.b | Tools to monitor the impact of sustainable tourism
            12.c | Rationalise inefficient fossil-fuel subsidies
            13.1 | Resilience and adaptive capacity to climate hazards and natural disasters
            13.2 | Climate change measures in national policies, strategies and planning
            13.3 | Education, awareness and capacity on climate mitigation and adaptation
            13.a | Mobilise the committed climate finance; operate the Green Climate Fund
            13.b | Capacity for climate planning and management in the poorest countries
            14.1 | Prevent and reduce marine pollution of all kinds
            14.2 | Manage and protect marine and coastal ecosystems sustainably
            14.3 | Minimise and address the impacts of ocean acidification
            14.4 | Regulate harvesting; end overfishing and destructive fishing practices
            14.5 | Conserve at least 10 per cent of coastal and marine areas
            14.6 | Prohibit fisheries subsidies that feed overcapacity and overfishing
            14.7 | More economic benefit to small islands and poorer countries from the sea
            14.a | Scientific knowledge, research capacity and marine technology
            14.b | Access of small-scale artisanal fishers to marine resources and markets
            14.c | Conservation and sustainable use of oceans through international law
            15.1 | Conserve and restore terrestrial and inland freshwater ecosystems
            15.2 | Sustainable forest management; halt deforestation; restore forests
            15.3 | Combat desertification and restore degraded land and soil
            15.4 | Conserve mountain ecosystems and their biodiversity
            15.5 | Halt the loss of biodiversity and protect threatened species
            15.6 | Fair and equitable sharing of the benefits of genetic resources
            15.7 | End poaching and trafficking of protected species
            15.8 | Prevent and reduce invasive alien species
            15.9 | Ecosystem and biodiversity values in national and local planning
            15.a | Mobilise financial resources to conserve biodiversity and ecosystems
            15.b | Mobilise resources for sustainable forest management
            15.c | Global support against poaching and trafficking of protected species
            16.1 | Significantly reduce all forms of violence and related death rates
            16.2 | End abuse, exploitation, trafficking and violence against children
            16.3 | Rule of law and equal access to justice for all
            16.4 | Reduce illicit financial and arms flows; fight organised crime
            16.5 | Substantially reduce corruption and bribery
            16.6 | Effective, accountable and transparent institutions
            16.7 | Responsive, inclusive, participatory and representative decision-making
            16.8 | More participation of developing countries in global governance
            16.9 | Legal identity for all, including birth registration
            16.10 | Public access to information and protection of fundamental freedoms
            16.a | Stronger national institutions to prevent violence, terrorism and crime
            16.b | Promote and enforce non-discriminatory laws and policies
            17.1 | Stronger domestic resource mobilisation, including tax collection
            17.2 | Developed countries meet their development assistance commitments
            17.3 | Mobilise additional financial resources for developing countries
            17.4 | Long-term debt sustainability for developing countries
            17.5 | Investment promotion regimes for the least developed countries
            17.6 | Cooperation and knowledge sharing on science, technology and innovation
            17.7 | Environmentally sound technologies for developing countries
            17.8 | Technology bank and capacity-building for the poorest; more use of ICT
            17.9 | International support for capacity-building behind national SDG plans
            17.10 | A universal, rules-based, open and equitable multilateral trading system
            17.11 | Significantly increase the exports of developing countries
            17.12 | Duty-free, quota-free market access for the least developed countries
            17.13 | Global macroeconomic stability through policy coordination
            17.14 | Policy coherence for sustainable development
            17.15 | Respect each country's policy space and leadership
            17.16 | A global partnership for sustainable development, multi-stakeholder
            17.17 | Effective public, public-private and civil society partnerships
            17.18 | Capacity for high-quality, timely and disaggregated data
            17.19 | Measures of progress beyond GDP; statistical capacity-building
            """;

    /** Filled first: building the targets below looks their codes up here. */
    private static final Map<String, String> LABELS;
    static final List<SdgTarget> ALL;
    static final Map<String, SdgTarget> BY_CODE;
    static final Map<Integer, List<SdgTarget>> BY_GOAL;

    static {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String line : TABLE.strip().split("\n")) {
            String[] parts = line.split("\\|", 2);
            String code = parts[0].strip();
            if (labels.put(code, parts[1].strip()) != null) {
                throw new IllegalStateException("SDG target " + code + " is listed twice");
            }
        }
        LABELS = Collections.unmodifiableMap(labels);

        List<SdgTarget> all = new ArrayList<>();
        Map<String, SdgTarget> byCode = new LinkedHashMap<>();
        Map<Integer, List<SdgTarget>> byGoal = new LinkedHashMap<>();
        labels.forEach((code, label) -> {
            SdgTarget target = new SdgTarget(code, goalOf(code), label);
            all.add(target);
            byCode.put(code, target);
            byGoal.computeIfAbsent(target.goal(), g -> new ArrayList<>()).add(target);
        });
        byGoal.replaceAll((goal, targets) -> List.copyOf(targets));
        ALL = List.copyOf(all);
        BY_CODE = Collections.unmodifiableMap(byCode);
        BY_GOAL = Collections.unmodifiableMap(byGoal);
    }

    private SdgTargetCatalogue() {
    }

    static String labelOf(String code) {
        return LABELS.get(code);
    }

    static int goalOf(String code) {
        return Integer.parseInt(code.substring(0, code.indexOf('.')));
    }

    /** The targets of one goal in a few words, e.g. "1.1 to 1.5 and 1.a to 1.b", for error messages. */
    static String describeGoal(int goal) {
        List<SdgTarget> targets = BY_GOAL.getOrDefault(goal, List.of());
        List<String> numbered = targets.stream().map(SdgTarget::code).filter(c -> Character.isDigit(c.charAt(c.length() - 1))).toList();
        List<String> lettered = targets.stream().map(SdgTarget::code).filter(c -> Character.isLetter(c.charAt(c.length() - 1))).toList();
        String text = range(numbered);
        return lettered.isEmpty() ? text : text + " and " + range(lettered);
    }

    private static String range(List<String> codes) {
        return codes.size() == 1 ? codes.get(0) : codes.get(0) + " to " + codes.get(codes.size() - 1);
    }
}
