//! The state every handler gets: configuration, the immutable seed, the mutable
//! store behind a lock, the clock, and persistence.

use std::sync::{Arc, Mutex, MutexGuard, OnceLock, PoisonError};

use chrono::{DateTime, Duration, Utc};

use crate::clients::Clients;
use crate::clock::Clock;
use crate::config::Config;
use crate::error::{Error, Result};
use crate::faults::Faults;
use crate::images::Gallery;
use crate::journal::Journal;
use crate::orders::effects;
use crate::seed::Seed;
use crate::store::{CatalogKind, Persistence, Store};
use crate::synthetic::Sizes;

#[derive(Clone)]
pub struct SandboxState {
    inner: Arc<Inner>,
}

struct Inner {
    config: Config,
    seed: Arc<Seed>,
    store: Mutex<Store>,
    clock: Clock,
    persistence: Option<Persistence>,
    gallery: Gallery,
    faults: Faults,
    clients: Clients,
    journal: Journal,
    /// `http://ADDR` of the listener, for requests without a usable Host header.
    bound_base: OnceLock<String>,
}

impl SandboxState {
    /// Loads the seed (`--seed` or the built-in one) and, with `--data-dir`, the saved
    /// state.
    pub fn new(config: Config) -> Result<Self> {
        let sizes = Sizes {
            employees: config.synthetic_employees,
            accessories: config.synthetic_accessories,
        };
        let seed = match &config.seed {
            Some(path) => Seed::parse_with(
                &std::fs::read_to_string(path)
                    .map_err(|e| Error::Seed(format!("cannot read {}: {e}", path.display())))?,
                sizes,
            )?,
            None => Seed::builtin_with(sizes)?,
        };
        let persistence = config
            .data_dir
            .as_deref()
            .map(Persistence::new)
            .transpose()?;
        let saved = match &persistence {
            Some(p) => p.load()?,
            None => None,
        };
        let (mut store, clock) = match saved {
            Some(snapshot) => (
                snapshot.store,
                Clock::with_offset(Duration::milliseconds(snapshot.clock_offset_ms)),
            ),
            None => (Store::from_seed(&seed), Clock::default()),
        };
        effects::schedule(&mut store);
        let faults = Faults::new(config.faults.clone());
        let clients = Clients::new(&config).map_err(|e| Error::Config(e.to_string()))?;
        let state = Self {
            inner: Arc::new(Inner {
                gallery: Gallery::from_seed(&seed),
                config,
                seed: Arc::new(seed),
                store: Mutex::new(store),
                clock,
                persistence,
                faults,
                clients,
                journal: Journal::default(),
                bound_base: OnceLock::new(),
            }),
        };
        state.write(|_| ())?;
        Ok(state)
    }

    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    pub fn seed(&self) -> &Seed {
        &self.inner.seed
    }

    pub fn clock(&self) -> &Clock {
        &self.inner.clock
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.inner.clock.now()
    }

    pub fn gallery(&self) -> &Gallery {
        &self.inner.gallery
    }

    pub fn faults(&self) -> &Faults {
        &self.inner.faults
    }

    /// The OAuth clients and their redirect URIs ([`crate::clients`]).
    pub fn clients(&self) -> &Clients {
        &self.inner.clients
    }

    /// The calls this sandbox received ([`crate::journal`]).
    pub fn journal(&self) -> &Journal {
        &self.inner.journal
    }

    fn lock(&self) -> MutexGuard<'_, Store> {
        // A panic elsewhere must not take the sandbox down: the store stays usable.
        self.inner
            .store
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// The store, locked, with every order completed by now settled
    /// ([`orders::effects`]); whether settling changed it.
    fn settled(&self) -> (MutexGuard<'_, Store>, bool) {
        let mut store = self.lock();
        let changed = effects::settle(&self.inner.seed, &mut store, self.now());
        (store, changed)
    }

    /// Reads the store. Keep `f` short: it holds the lock.
    pub fn read<R>(&self, f: impl FnOnce(&Store) -> R) -> R {
        let (store, changed) = self.settled();
        if changed {
            // Memory holds the settled state either way; the next write saves it again.
            if let Err(error) = self.save(&store) {
                tracing::error!(%error, "saving settled orders failed");
            }
        }
        f(&store)
    }

    /// Changes the store and, with `--data-dir`, saves it before returning.
    pub fn write<R>(&self, f: impl FnOnce(&mut Store) -> R) -> Result<R> {
        let (mut store, _) = self.settled();
        let result = f(&mut store);
        self.save(&store)?;
        Ok(result)
    }

    /// Like [`write`](Self::write) for changes that may be refused: nothing is saved on
    /// `Err` (orders settled meanwhile are saved with the next change; until then the
    /// file holds them unsettled, which settles the same way after a restart).
    pub fn try_write<R>(&self, f: impl FnOnce(&mut Store) -> Result<R>) -> Result<R> {
        let (mut store, _) = self.settled();
        let result = f(&mut store)?;
        self.save(&store)?;
        Ok(result)
    }

    /// Moves the clock and saves the new offset.
    pub fn advance_clock(&self, by: Duration) -> Result<()> {
        let store = self.lock();
        self.inner.clock.advance(by);
        self.save(&store)
    }

    fn save(&self, store: &Store) -> Result<()> {
        let Some(persistence) = &self.inner.persistence else {
            return Ok(());
        };
        persistence.save(self.inner.clock.offset().num_milliseconds(), store)
    }

    /// Back to the seed data (tokens kept, see [`Store::reset`]), the journal emptied.
    pub fn reset(&self) -> Result<()> {
        let seed = Arc::clone(&self.inner.seed);
        self.inner.faults.reset();
        self.inner.journal.clear();
        self.write(|store| store.reset(&seed))
    }

    /// Takes a catalog item off sale until the next reset; 404 for an id the seed's
    /// catalog does not have.
    pub fn withdraw(&self, kind: CatalogKind, id: &str) -> Result<()> {
        let seed = self.seed();
        let known = match kind {
            CatalogKind::Accessory => seed.accessories.contains(id),
            CatalogKind::Device => seed.devices.contains(id),
            CatalogKind::Plan => seed.plans.contains(id),
        };
        if !known {
            return Err(Error::not_found("Catalog item", id));
        }
        self.write(|store| store.withdrawn.insert(kind, id))
    }

    /// Records the listener's address once it is bound.
    pub fn set_bound_base(&self, base: String) {
        // Only the first bind counts; a state is served by one listener.
        let _ = self.inner.bound_base.set(base);
    }

    pub fn bound_base(&self) -> String {
        self.inner
            .bound_base
            .get()
            .cloned()
            .unwrap_or_else(|| format!("http://{}", self.inner.config.listen))
    }
}
