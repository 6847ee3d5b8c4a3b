"""The shell's views: home, health, accounts, admin and organisations."""
