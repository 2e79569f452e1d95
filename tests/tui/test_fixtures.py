"""The shared TUI fixtures open what they promise (the Write CCAR tests rely on them)."""


def test_demo_store_holds_the_demo(demo_store):
    bank = demo_store.bank()
    assert bank.profile.name == "Dana Whitfield"
    assert len(bank.achievements) >= 10 and bank.stories


def test_empty_store_is_empty(empty_store):
    bank = empty_store.bank()
    assert not bank.achievements and not bank.stories


def test_reopen_reads_from_disk(demo_store, reopen):
    ach = demo_store.achievements()[0]
    ach.title = "Changed on disk"
    demo_store.save(ach)
    assert reopen(demo_store).achievement(ach.id).title == "Changed on disk"
