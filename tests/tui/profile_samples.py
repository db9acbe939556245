"""A few profiles, saved through the store, for the profiles screen tests and snapshots.

With TODAY = 2026-11-21: the Norwegian number is overdue (due 2026-11-16), the
Chinese one is due soon (2026-11-28), the British one is fine (2027-03-01).
"""

from datetime import date
from pathlib import Path

from esim_ready.state.keepalive import KeepAlive
from esim_ready.state.profiles import Profile, ProfileStore

LPAC_DIR = Path(__file__).parents[1] / "fixtures" / "lpac"

NORWAY = Profile(
    id="p-no",
    nickname="挪威保号",
    country="NO",
    carrier="Telenor",
    carrier_id="telenor",
    number="+4791234567",
    iccid="8947000000001234560",
    role="home",
    state="disabled",
    default_voice=True,
    keepalive=KeepAlive(action="topup", every_days=180, amount=100, currency="NOK", last_done=date(2026, 5, 20)),
    activation_code="LPA:1$smdp.example.com$SECRET-MATCHING-ID",
    puk="12345678",
)
CHINA = Profile(
    id="p-cn",
    nickname="国内主号",
    country="CN",
    carrier="China Mobile",
    number="+8613800138000",
    iccid="8986000000007654322",
    role="voice",
    state="enabled",
    keepalive=KeepAlive(action="any", every_days=90, amount=10, currency="CNY", last_done=date(2026, 8, 30)),
)
BRITAIN = Profile(
    id="p-gb",
    nickname="UK data",
    country="GB",
    carrier="giffgaff",
    number="+447400123456",
    iccid="8944000000001111112",
    role="data",
    state="enabled",
    default_data=True,
    keepalive=KeepAlive(action="any", every_months=6, amount=10, currency="GBP", last_done=date(2026, 9, 1)),
)
TRAVEL = Profile(id="p-travel", nickname="Travel eSIM", iccid="8988200000000000014", role="backup")

SAMPLES = (NORWAY, CHINA, BRITAIN, TRAVEL)


def save_samples(profiles=SAMPLES) -> ProfileStore:
    store = ProfileStore()
    for profile in profiles:
        store.add(profile)
    return store
