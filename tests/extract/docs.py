"""Test documents written for the extractor, in several styles, about fictional companies.

None of them copies the evaluation documents: other companies, other figures, other phrasing.
"""

RELEASE = """PRESS RELEASE

Halvorsen Grid Raises $120 Million Series C to Expand Liquid-Cooled Capacity

OSLO, Norway, April 8, 2025 -- Halvorsen Grid AS, an operator of renewable-powered data centers, today \
announced that it has closed a $120 million Series C financing round led by Nordlys Ventures and Brightpeak \
Capital. Existing investors Fjord Partners and Ravnsborg Capital also participated. The round values the \
Oslo-based company at more than $900 million.

"Demand keeps rising," said Ingrid Solberg, chief executive of Halvorsen Grid.

About Halvorsen Grid
Halvorsen Grid builds and operates data centers in the Nordics.

Media contact: press@halvorsen.example
"""

NEWSLETTER = """Compute Ledger - weekly briefing
May 16, 2025

* Tarrow Cloud signs Quintessa. Tarrow Cloud said on Monday it had signed a four-year agreement to supply \
GPU capacity to Quintessa Labs. The contract is worth about $2.2 billion.
* Pelagos buys capacity. Pelagos AI agreed to buy $600 million of compute from Norrland Compute over three years.
* Orvieto invests. Orvieto Systems will invest up to $250 million in Kestrel Photonics, the companies said on \
Wednesday (Source: Orvieto 8-K).
* People. Mara Lindqvist, the chief technology officer of Tarrow Cloud, has left the company to join Pelagos AI.
"""

ARTICLE = """Brennan Software completes takeover of Ostrava Data

PRAGUE, 3 November 2025 - Brennan Software said on Monday that it had completed its acquisition of Ostrava \
Data, a Czech database startup, for about $780 million. Brennan Software first agreed to buy Ostrava Data in June.

The deal is the largest in the company's history. Separately, Calder Robotics shareholders voted down the \
merger agreement with Wexley Industries, and Calder Robotics said it had terminated the deal.

Meanwhile Fenwick Analytics agreed to acquire Sorrel Security for $310 million in cash. The transaction is \
still pending regulatory approval.
"""

COMMENTARY = """Opinion: do not believe every deal rumour

June 2, 2025

Vantor Networks is reportedly in talks to buy Pellucid Systems, according to people familiar with the matter. \
Vantor Networks could also bid for Arden Semiconductor if the price falls. Analysts expect Vantor Networks to \
spend $2 billion on acquisitions next year, a forecast rather than a plan. Meanwhile Pellucid Systems announced \
a $500 million share buyback and reported quarterly revenue of $310 million. Arden Semiconductor launched a new \
switch chip on Tuesday. Kessel Cloud filed for an initial public offering last week. None of these is a deal.
"""

PAGE = """<!DOCTYPE html>
<html><head><title>Brisa Compute prices IPO</title></head><body>
<nav><a href="/">Home</a> | <a href="/markets">Markets</a></nav>
<div class="article-body">
<h1>Brisa Compute prices IPO</h1>
<p class="dateline">NEW YORK, September 24, 2025</p>
<p>Brisa Compute raised $410 million in its initial public offering on the New York Stock Exchange, selling \
20 million shares at $20.50 each. Morgan Halvard and Clearwater Securities led the offering.</p>
<p>Separately, Brisa Compute said Tomas Eriksen, the chief operating officer of Valdane Networks, would join \
the company as chief executive.</p>
</div>
<footer>Subscribe to our newsletter</footer>
</body></html>
"""

COREFERENCE = """Quiet money for a Lisbon startup

March 3, 2026

Sardinha Labs, a Lisbon-based maker of network firewalls, has a new backer. Tagus Telecom invested \
EUR 40 million in the Lisbon-based startup last month, the companies said. Sardinha Labs was founded in 2021.
"""

# One-line items in the styles of wire briefs, each a separate paragraph.
BRIEFS = """Deal briefs
Published July 11, 2025

Zephyr Compute, a San Jose-based startup, said on Tuesday it raised $45 million in Series B funding from \
Acorn Capital and Birch Ventures.

Brightline Robotics said it had agreed to be acquired by Stellar Industries for $2.1 billion in cash.

Nimbus Cloud has inked a multiyear deal to provide compute to Orbital Labs.

Quasar Devices' chief financial officer, John Roe, is leaving to join Helix Semiconductor.

In a filing, Apex Power disclosed that Vega Holdings had taken a 12% stake in the company for $90 million.

Cirrus Data went public on the Nasdaq on Friday, raising $220 million.

Ridge Partners led a $75 million round in Sable Compute.

Mistwood Energy has agreed to supply power to Dynamo Data Centers under a 20-year agreement.

Former Lattice Labs chief technology officer Omar Reyes has joined Crescent Machines as head of research.

Talks between Arcturus Power and Vela Grid over a possible merger have stalled, people familiar with the matter said.

Kite Systems said it would consider selling its storage unit to Harbor Data.
"""

# A blog post: first person, long sentences, money and dates in loose forms.
BLOG = """What I learned tracking neocloud money this spring

Posted by a former analyst, 14 May 2026

I spent the quarter reading term sheets, and three deals stood out.

First, Corvid Compute picked up 1.5 billion dollars in fresh equity earlier this month, in a round led by \
Tallis Growth. Existing backers Moreau Partners and Ashgrove Capital also put money in. The Austin-based \
startup is now valued at roughly US$9bn.

Second, Harlow Systems struck an agreement to buy Penrose Fabric for US$350m in cash, pending regulatory \
approval. Harlow expects the purchase to close later in the year.

Third, in Q1 the chipmaker Estrella Silicon signed a supply deal with Lumo Cloud worth $1.2bn over four years.

Things I would not count: Corvid Compute said it could raise more later, and there are rumours that Lumo Cloud \
is exploring a sale. Estrella Silicon also reported record quarterly revenue of $800 million.
"""

# Market colour full of deal words that are not deals.
MARKET_COLOUR = """Markets wrap: chip stocks close higher

NEW YORK, March 12, 2026 -- Shares of Verdance Semiconductor closed 4% higher on Thursday after the company \
raised its full-year revenue forecast to $2.4 billion. Rival Oakmere Devices secured a spot in the Nasdaq-100 \
index, and Pellucid Cloud raised prices for its GPU rentals by 10%.

Verdance Semiconductor said it would use its cash to buy back $500 million of its shares. The company also \
launched the V9 accelerator, which it hopes will help it acquire new customers in Europe. Chief executive \
Mara Quist said the group was buying time while demand settles.

Analysts at Halvard Research expect Oakmere Devices to announce an acquisition within a year, possibly of a \
smaller software company. Pellucid Cloud declined to comment on a report that it had held talks with Brightwater \
Systems about a merger. Oakmere Devices reported quarterly net income of $120 million.
"""

MERGER_RELEASE = """Talvio and Brenmark to Combine

DALLAS and TORONTO, Feb. 3, 2026 /PRNewswire/ -- Talvio Holdings, Inc. (NYSE: TLV) and Brenmark Networks Corp. \
(NASDAQ: BRNK) today announced that they have entered into a definitive agreement under which Talvio will acquire \
Brenmark in an all-stock transaction valued at approximately $4.2 billion, including debt. Under the terms of the \
agreement, Brenmark shareholders will receive 0.52 shares of Talvio common stock for each Brenmark share.

The transaction is expected to close in the second half of 2026, subject to approval by Brenmark shareholders and \
regulatory approvals. Upon closing, Brenmark CEO Ilse Varga will join Talvio's board of directors.

"Together we can serve operators on three continents," said Tomasz Reyes, Talvio's chief executive.

Separately, Talvio said it completed the sale of its consumer unit, Kestrel Home, to Arbor Equity Partners for \
$310 million on January 30.
"""

# A wire roundup: a rumour among announced deals, a stake sold, a contract "agreed".
WIRE = """Wire roundup

LONDON, June 9, 2026 (Reuters) - Fenwick Data has hired Priya Nair, the former head of cloud at Orlov Systems, as its chief operating officer, the company said on Tuesday.

Separately, people familiar with the matter said Orlov Systems was in advanced talks to buy Gantry Labs for about $700 million. A deal could be announced as soon as next week.

Zenith Power said it had completed the acquisition of Marlow Grid, a battery developer, from Tern Capital for an undisclosed sum.

Kappa AI, which builds inference chips, raised $85m in a Series A round co-led by Veld Ventures and Ostrander Partners, taking its total funding to $110m.

Helio Compute agreed a five-year, $2.5 billion contract to host workloads for Arcadia Labs, under which Arcadia will rent 50,000 GPUs.

Bryce Networks has sold a 20% stake to Mirren Capital for $150 million, valuing the company at $750 million.

Nimbus Telecom will pay $40 per share in cash to acquire Sable Fibre in a deal valued at $1.1 billion.
"""

# A list of deals in note form, dated by a weekday line.
DEALS_LIST = """Deals of the week
Friday, August 14, 2026

• Quill Systems — $120M Series B led by Nordlys Ventures, with Harrow Capital participating.
• Orla Semiconductor acquires Brisa Labs for $300M in cash.
• Tarrow Cloud snapped up Kestrel Labs, terms undisclosed.
• Vantor Networks closes $45 million seed round.
• Juno Grid inks $900M power purchase agreement with Helix Data.
• Lark Robotics files for IPO on Nasdaq.
"""

# An 8-K press-release exhibit with a defined term ("the Company") and an appointment.
EXHIBIT = """EXHIBIT 99.1

Quill Systems Reports Completion of Brisa Labs Acquisition

BOSTON, March 2, 2026 -- Quill Systems, Inc. (the "Company") (NASDAQ: QSYS) today announced that the Company has completed its previously announced acquisition of Brisa Labs, Inc., a developer of storage controllers, for $240 million in cash.

The Company also announced that its Board of Directors appointed Dana Whitlock, formerly chief financial officer of Harrow Devices, as Chief Financial Officer of the Company, effective March 16, 2026.

About Quill Systems
Quill Systems makes storage systems for data centers.
"""

# A long-form feature: the company's story told in stages, with "the company", "the Berlin-based
# group", an apposition at a sentence's end, "In May" (a month, not a modal), a later purchase
# told in a relative clause, talks that collapsed and a departure.
FEATURE = """Inside the race to build Europe's AI clouds

By Staff | September 2, 2026

When Nordlicht Compute opened its first data hall in Frankfurt two years ago, it had 40 employees and a single \
customer. Today it is one of the continent's best-funded infrastructure startups.

The company's rise has been financed in stages. A year ago it came back for more: a $600 million Series C in \
February 2026, led by US fund Cobalt Ridge, valued Nordlicht at $4.1 billion. Existing backer Hanseatic Ventures \
took part again.

Customers followed the capital. In May the Berlin-based group signed a five-year, $1.8 billion capacity deal with \
Aurel Labs, the French model developer. Aurel had previously rented GPUs from Vantor Cloud, which Nordlicht went \
on to acquire in July for an undisclosed amount.

Not everything has gone to plan. Talks to buy Polish operator Wisla Data collapsed in August, and the company's \
chief operating officer, Marta Nowak, left to join rival Helix Cloud.
"""
