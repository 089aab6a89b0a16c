"""Bank statements made up for tests: camt.053.001.02, camt.053.001.08 and MT940."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from xml.sax.saxutils import escape

OWN_IBAN = "DE02120300000000202051"


@dataclass(frozen=True)
class Tx:
    day: date
    amount: Decimal
    """Positive: received; negative: paid out."""
    name: str
    iban: str
    text: str
    ref: str


def _party(version: str, role: str, name: str) -> str:
    if version == "02":
        return f"<{role}><Nm>{escape(name)}</Nm></{role}>"
    return f"<{role}><Pty><Nm>{escape(name)}</Nm></Pty></{role}>"


def _entry(version: str, tx: Tx) -> str:
    crdt = tx.amount > 0
    role = "Dbtr" if crdt else "Cdtr"
    status = "<Sts>BOOK</Sts>" if version == "02" else "<Sts><Cd>BOOK</Cd></Sts>"
    return f"""
      <Ntry>
        <Amt Ccy="EUR">{abs(tx.amount):.2f}</Amt>
        <CdtDbtInd>{"CRDT" if crdt else "DBIT"}</CdtDbtInd>
        {status}
        <BookgDt><Dt>{tx.day.isoformat()}</Dt></BookgDt>
        <ValDt><Dt>{tx.day.isoformat()}</Dt></ValDt>
        <AcctSvcrRef>{tx.ref}</AcctSvcrRef>
        <NtryDtls><TxDtls>
          <Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
          <RltdPties>{_party(version, role, tx.name)}
            <{role}Acct><Id><IBAN>{tx.iban}</IBAN></Id></{role}Acct></RltdPties>
          <RmtInf><Ustrd>{escape(tx.text)}</Ustrd></RmtInf>
        </TxDtls></NtryDtls>
      </Ntry>"""


def camt053(version: str, txs: list[Tx], statement_id: str = "STMT-1") -> bytes:
    """A camt.053 statement; ``version`` is ``"02"`` or ``"08"`` (camt.053.001.0x)."""
    ns = f"urn:iso:std:iso:20022:tech:xsd:camt.053.001.{version}"
    entries = "".join(_entry(version, tx) for tx in txs)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="{ns}">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>{statement_id}</MsgId><CreDtTm>2027-01-15T08:00:00</CreDtTm></GrpHdr>
    <Stmt>
      <Id>{statement_id}</Id>
      <Acct><Id><IBAN>{OWN_IBAN}</IBAN></Id></Acct>{entries}
    </Stmt>
  </BkToCstmrStmt>
</Document>
""".encode()


def mt940(txs: list[Tx]) -> bytes:
    """An MT940 statement in the German structured-:86: style (ISO 8859-1)."""
    lines = [":20:STARTUMS", ":25:12030000/0000202051", ":28C:00001/001", ":60F:C270101EUR0,00"]
    for tx in txs:
        mark = "C" if tx.amount > 0 else "D"
        value = f"{abs(tx.amount):.2f}".replace(".", ",")
        day = tx.day.strftime("%y%m%d")
        lines.append(f":61:{day}{day[2:]}{mark}{value}NTRFNONREF//{tx.ref}")
        chunks = [tx.text[i : i + 27] for i in range(0, len(tx.text), 27)] or [""]
        purpose = "".join(f"?{20 + i}{c}" for i, c in enumerate(chunks[:10]))
        lines.append(f":86:166?00GUTSCHRIFT{purpose}?30BYLADEM1001?31{tx.iban}?32{tx.name[:27]}")
    lines += [":62F:C270131EUR0,00", "-"]
    return ("\r\n".join(lines) + "\r\n").encode("iso-8859-1")
