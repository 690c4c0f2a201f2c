// The extraction pipeline for one document, stage by stage.
#pragma once

#include "model.h"
#include "resources.h"

namespace ekg::extract {

/// Runs every extraction stage on one document:
/// sentences -> folded text and tokens -> actors -> events -> claims.
/// Never throws for problems in the text: those become diagnostics.
Extraction extract_document(Document document, const Resources& resources);

}  // namespace ekg::extract
