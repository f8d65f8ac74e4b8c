# What the program prints for the person running it (terminal, journald, docker logs).

token-refused = Telegram refused BOT_TOKEN ({ $code }): the token is wrong or was revoked. Get the current one from @BotFather (/mybots → API Token), put it in BOT_TOKEN and start again.
